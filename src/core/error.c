/* error.c - error reports. */
#include "error.h"

#include <stdarg.h>
#include <string.h>

#include "text.h"

void error_set(struct error *e, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

void error_clear(struct error *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

void error_print(const struct error *e, FILE *out)
{
	if (e->file[0] && e->line > 0)
		fprintf(out, "schaap: %s:%d: %s\n", e->file, e->line, e->msg);
	else if (e->file[0])
		fprintf(out, "schaap: %s: %s\n", e->file, e->msg);
	else
		fprintf(out, "schaap: %s\n", e->msg);
}

void error_escape(struct error *e)
{
	char buf[sizeof e->msg];

	if (!e)
		return;
	text_escape(e->msg, buf, sizeof buf);
	memcpy(e->msg, buf, sizeof buf);
}
