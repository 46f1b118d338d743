/* embed.c - turn a file into a C array, so the catalog is compiled in
 * from the one copy in config/. Usage: embed NAME < FILE > OUT.c */
#include <stdio.h>

int main(int argc, char **argv)
{
	unsigned long n = 0;
	int c;

	if (argc != 2) {
		fprintf(stderr, "usage: embed NAME < FILE > OUT.c\n");
		return 2;
	}
	printf("/* generated from the catalog file by tools/embed.c; do not edit */\n");
	printf("const char %s_text[] = {", argv[1]);
	while ((c = getchar()) != EOF)
		printf("%s%d,", n++ % 16 ? "" : "\n\t", c);
	printf("\n\t0\n};\nconst unsigned long %s_size = %luUL;\n", argv[1], n);
	return ferror(stdin) || ferror(stdout) ? 1 : 0;
}
