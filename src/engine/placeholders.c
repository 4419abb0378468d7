/*
 * placeholders.c: placeholder until the placeholders checks land (issue 3); no Rule stanza
 * names this check yet.
 */
#include "lint.h"

int
bl_check_placeholders(bl_lint_ctx *lc, int rule)
{
    (void)lc;
    (void)rule;
    return 0;
}
