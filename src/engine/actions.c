/*
 * actions.c: placeholder until the actions checks land (issue 3); no Rule stanza
 * names this check yet.
 */
#include "lint.h"

int
bl_check_actions(bl_lint_ctx *lc, int rule)
{
    (void)lc;
    (void)rule;
    return 0;
}
