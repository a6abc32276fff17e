/* A full static glibc program for the ring-3 loader: printf through stdio, then exit 7. */
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from libc, argc=%d, argv[0]=%s\n", argc, argv[0]);
	for (int i = 1; i <= 3; i++)
		printf("line %d: %d squared is %d\n", i, i, i * i);
	return 7;
}
