#include "support.h"
static void t(void **state) { (void)state; assert_non_null(test_catalog()); }
int main(void) { const struct CMUnitTest tests[] = { cmocka_unit_test(t) }; return cmocka_run_group_tests_name("smoke", tests, NULL, NULL); }
