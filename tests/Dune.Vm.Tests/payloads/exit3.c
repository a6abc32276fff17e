/* Test VM payload: reports on both streams, then fails with exit code 3. */
#include <stdio.h>

int main(void)
{
	printf("exit3: stdout line\n");
	fprintf(stderr, "exit3: stderr line\n");
	return 3;
}
