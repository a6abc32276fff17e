/* Test VM payload: never ends, so the per-program timeout must kill it. */
#include <stdio.h>

int main(void)
{
	printf("hang: spinning forever\n");
	fflush(stdout);
	for (;;)
		__asm__ volatile("" ::: "memory");
}
