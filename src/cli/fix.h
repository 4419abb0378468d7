/*
 * fix.h: --fix and --fix-dry-run, the rewrites rules mark safe, applied in
 * place or shown as a unified diff.
 */
#ifndef CLI_FIX_H
#define CLI_FIX_H

#include <stdio.h>

#include "../blamelint.h"

/* Applies the fixes of d's findings whose rule is Fix-Safe to src[0..len)
 * (overlapping ones after the first are left for the next run).  Returns
 * how many were applied, with the new text in *p_out (caller frees; NULL
 * when none were), or -1 when out of memory. */
int cli_fix_apply(const char *src, size_t len, const bl_diags *d,
                  char **p_out, size_t *p_outlen);

/* Replaces path's content with text: written to a temporary file in the
 * same directory with path's mode, then renamed over it, so an
 * interruption leaves the old file or the new one, never half of one.
 * 0, or -1 with errno set. */
int cli_fix_write(const char *path, const char *text, size_t len);

/* Writes the unified diff (3 lines of context) from old to new, labelled
 * a/path and b/path. */
void cli_fix_diff(FILE *fp, const char *path, const char *old, size_t oldlen,
                  const char *new_, size_t newlen);

#endif
