/*
 * profiles.c: which kind of document a document is, and so which
 * structural rules check it.
 *
 * The user's choice for a run (--profile) wins; then what the document
 * says of itself in its front matter ("blamelint: runbook", or "type:
 * runbook"); then the configuration's glob for its path; else it is a
 * postmortem.  "type:" is a key other tools use for their own values
 * (Hugo's "type: posts"), so it chooses a profile only when its value is
 * one; "blamelint:" is ours, and a value that names no profile is an
 * error, never a silent postmortem.
 */
#include <stdio.h>
#include <string.h>

#include "lint.h"
#include "text.h"

/* The longest value read from the front matter: profile names are
 * short, and a longer value is nobody's profile. */
#define VALUE_MAX 64

/* The value of `key` in front matter f[0..n), YAML ("key: value") or
 * TOML ("key = \"value\""), at the start of a line, without quotes or a
 * trailing comment, lower-cased into out (VALUE_MAX bytes).  Returns its
 * length, or -1 when the key is not there. */
static int
front_matter_value(const char *f, size_t n, const char *key, char *out)
{
    size_t kl = strlen(key), i;

    for (i = 0; i + kl < n; i++) {
        size_t j = i + kl, b, e;
        char quote = 0;
        if ((i > 0 && f[i - 1] != '\n') || memcmp(f + i, key, kl) != 0)
            continue;
        while (j < n && (f[j] == ' ' || f[j] == '\t'))
            j++;
        if (j >= n || (f[j] != ':' && f[j] != '='))
            continue;   /* "types:", "blamelint_version:" */
        j++;
        while (j < n && (f[j] == ' ' || f[j] == '\t'))
            j++;
        if (j < n && (f[j] == '"' || f[j] == '\''))
            quote = f[j++];
        b = e = j;
        while (e < n && f[e] != '\n' && f[e] != '\r'
               && (quote ? f[e] != quote : f[e] != '#'))
            e++;
        while (e > b && (f[e - 1] == ' ' || f[e - 1] == '\t'))
            e--;
        if (e - b >= VALUE_MAX)
            e = b + VALUE_MAX - 1;
        bl_ascii_lower(f + b, e - b, out);
        out[e - b] = '\0';
        return (int)(e - b);
    }
    return -1;
}

/* A spelling of a profile's name the front matter may use. */
static const char *
canonical(const char *name)
{
    return strcmp(name, "post-mortem") == 0 ? BL_PROFILE_DEFAULT : name;
}

const bl_profile_info *
bl_lint_profile(const bl_rules *rules, const bl_doc *doc,
                const bl_lint_opts *opts, int *p_chosen, char *err,
                size_t errlen)
{
    const char *f = doc->src + doc->fm_begin;
    size_t fn = doc->fm_end - doc->fm_begin;
    const bl_profile_info *p;
    char value[VALUE_MAX];

    if (p_chosen != NULL)
        *p_chosen = 1;
    if (errlen > 0)
        err[0] = '\0';
    if (opts != NULL && opts->profile != NULL) {
        if ((p = bl_rules_profile_find(rules, canonical(opts->profile)))
            == NULL)
            snprintf(err, errlen, "no profile \"%.64s\" ('blamelint "
                     "profiles' lists them)", opts->profile);
        return p;
    }
    if (front_matter_value(f, fn, "blamelint", value) > 0) {
        if ((p = bl_rules_profile_find(rules, canonical(value))) == NULL)
            snprintf(err, errlen, "the front matter says \"blamelint: %s\", "
                     "and there is no profile \"%s\" ('blamelint profiles' "
                     "lists them)", value, value);
        return p;
    }
    if (front_matter_value(f, fn, "type", value) > 0
        && (p = bl_rules_profile_find(rules, canonical(value))) != NULL)
        return p;
    if (opts != NULL && opts->config_profile != NULL) {
        if ((p = bl_rules_profile_find(rules, opts->config_profile)) == NULL)
            snprintf(err, errlen, "the configuration names no profile "
                     "\"%.64s\" ('blamelint profiles' lists them)",
                     opts->config_profile);
        return p;
    }
    if (p_chosen != NULL)
        *p_chosen = 0;
    return bl_rules_profile_find(rules, BL_PROFILE_DEFAULT);
}

int
bl_lint_rule_runs(const bl_lint_ctx *lc, const char *id)
{
    int r = bl_rule_index(lc->rules, id);

    return r >= 0 && lc->rules->rules.items[r].info.severity != BL_SEV_OFF
           && bl_rule_in_profile(&lc->rules->rules.items[r].info,
                                 lc->profile);
}

const char *
bl_lint_document_name(const bl_lint_ctx *lc)
{
    const bl_profile *p = bl_rules_profile(lc->rules, lc->profile);

    return p != NULL ? p->document : lc->profile;
}
