/*
 * timeline.c: placeholder until the timeline checks land (issue 3); no Rule stanza
 * names this check yet.
 */
#include "lint.h"

int
bl_check_timeline(bl_lint_ctx *lc, int rule)
{
    (void)lc;
    (void)rule;
    return 0;
}
