/* bare.c - load a file with iniparser and nothing else: the yardstick. */
#include <iniparser.h>

int main(int argc, char **argv)
{
	dictionary *d;

	if (argc != 2)
		return 2;
	d = iniparser_load(argv[1]);
	if (!d)
		return 2;
	iniparser_freedict(d);
	return 0;
}
