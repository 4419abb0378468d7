/*
 * server.c: the language server: lifecycle, documents, and the requests
 * an editor sends while someone writes a postmortem.
 *
 * One thread, one message at a time.  Every open document is kept as text
 * and re-linted on each change, from the unsaved buffer; the findings are
 * pushed with publishDiagnostics, or kept for textDocument/diagnostic when
 * the client pulls.  Before handling a request, the server takes in every
 * message already waiting, so a $/cancelRequest that arrived behind its
 * request is seen in time to answer "cancelled" instead of working.
 *
 * Positions cross the protocol in the encoding negotiated at initialize
 * (UTF-8 when the client offers it, else UTF-16); the engine's byte offsets
 * are converted only here, through bl_doc_position and bl_text_offset.
 * Only protocol goes to stdout; logs go to stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../blamelint.h"
#include "../cli/config.h"
#include "../cli/docs.h"
#include "json.h"
#include "rpc.h"
#include "server.h"
#include "wordlist.h"

/* JSON-RPC and LSP error codes. */
#define ERR_PARSE (-32700)
#define ERR_INVALID_REQUEST (-32600)
#define ERR_METHOD_NOT_FOUND (-32601)
#define ERR_INVALID_PARAMS (-32602)
#define ERR_INTERNAL (-32603)
#define ERR_NOT_INITIALIZED (-32002)
#define ERR_CANCELLED (-32800)

/* Appends a string literal; its length is counted by the compiler. */
#define ADD_LIT(sb, lit) bl_strbuf_add((sb), (lit), sizeof(lit) - 1)

typedef struct lsp_doc {
    char *uri;
    bl_strbuf text;
    long version;
    bl_doc *doc;            /* the text as last linted */
    const bl_rules *rules;  /* ...and the rules it was linted with */
    bl_diags diags;
    unsigned long result_id;    /* pull diagnostics: changes with diags */
    char *profile_error;    /* why its profile is unknown, as last shown */
    /* What the next lint of this document reuses from the last: after an
     * edit, only the changed paragraphs are matched again. */
    bl_lint_cache *cache;
} lsp_doc;

/* A message taken in ahead of handling (see the header comment). */
typedef struct queued {
    char *body;
    size_t len;
    int cancelled;
} queued;

typedef struct lsp_config {
    char *path;
    struct timespec mtime;
    cli_config *config;     /* NULL: it has an error (shown once) */
} lsp_config;

typedef struct lsp_rule_set {
    const cli_config *config;
    unsigned long long mask;
    bl_rules *rules;
} lsp_rule_set;

typedef struct server {
    int out;
    lsp_reader in;
    bl_rules *rules;
    bl_encoding enc;
    int initialized, shutdown, pull;
    struct { lsp_doc *items; size_t n, alloc; } docs;
    struct { queued *items; size_t n, alloc; } queue;
    unsigned long next_result_id;
    char *docs_uri; /* the rule reference, without "#...", or NULL */
    char *settings_json;    /* the editor's settings as last accepted */
    /* .blamelint.toml files met, and the rule sets built from them (the
     * defaults, the file's settings for a document, then the editor's).
     * A set built from a version of a file that has since changed is freed
     * once no open document's findings point into it (drop_stale_sets);
     * all are when the editor's settings change. */
    struct { lsp_config *items; size_t n, alloc; } configs;
    struct { lsp_rule_set *items; size_t n, alloc; } sets;
    lsp_edit_caps edit_caps;    /* what WorkspaceEdits the client applies */
    int refresh;    /* the client takes workspace/diagnostic/refresh */
    unsigned long next_request_id;  /* of requests to the client */
    char *said_error;   /* the last rule error shown (a missing dictionary) */
} server;

static void
logf_(const char *fmt, ...)
{
    va_list ap;

    fputs("blamelint lsp: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* --- Sending ------------------------------------------------------------- */

static int
send_buf(server *s, bl_strbuf *sb)
{
    int rc = lsp_write(s->out, sb->items ? sb->items : "", sb->n);

    free(sb->items);
    sb->items = NULL;
    sb->n = sb->alloc = 0;
    if (rc < 0)
        logf_("cannot write to the client");
    return rc;
}

/* Appends the request's id exactly as it came (a number or a string), or
 * null. */
static int
add_id(bl_strbuf *sb, const lsp_json *j, int id)
{
    size_t n;
    const char *raw;

    if (id < 0)
        return ADD_LIT(sb, "null");
    raw = lsp_json_raw(j, id, &n);
    if (lsp_json_is_string(j, id))
        return ADD_LIT(sb, "\"") < 0 || bl_strbuf_add(sb, raw, n) < 0
               || ADD_LIT(sb, "\"") < 0 ? -1 : 0;
    return bl_strbuf_add(sb, raw, n);
}

static int
send_error(server *s, const lsp_json *j, int id, int code, const char *msg)
{
    bl_strbuf sb = {NULL, 0, 0};

    if (ADD_LIT(&sb, "{\"jsonrpc\":\"2.0\",\"id\":") < 0
        || add_id(&sb, j, id) < 0
        || bl_strbuf_addf(&sb, ",\"error\":{\"code\":%d,\"message\":", code) < 0
        || lsp_json_add_cstring(&sb, msg) < 0
        || ADD_LIT(&sb, "}}") < 0) {
        free(sb.items);
        return -1;
    }
    return send_buf(s, &sb);
}

/* Sends {"jsonrpc":"2.0","id":ID,"result":RESULT} with RESULT already
 * written as JSON text. */
static int
send_result(server *s, const lsp_json *j, int id, const char *result,
            size_t n)
{
    bl_strbuf sb = {NULL, 0, 0};

    if (ADD_LIT(&sb, "{\"jsonrpc\":\"2.0\",\"id\":") < 0
        || add_id(&sb, j, id) < 0
        || ADD_LIT(&sb, ",\"result\":") < 0
        || bl_strbuf_add(&sb, result, n) < 0
        || ADD_LIT(&sb, "}") < 0) {
        free(sb.items);
        return -1;
    }
    return send_buf(s, &sb);
}

static int
show_message(server *s, int type, const char *msg)
{
    bl_strbuf sb = {NULL, 0, 0};

    if (bl_strbuf_addf(&sb, "{\"jsonrpc\":\"2.0\",\"method\":"
                       "\"window/showMessage\",\"params\":{\"type\":%d,"
                       "\"message\":", type) < 0
        || lsp_json_add_cstring(&sb, msg) < 0
        || ADD_LIT(&sb, "}}") < 0) {
        free(sb.items);
        return -1;
    }
    return send_buf(s, &sb);
}

/* --- Documents ----------------------------------------------------------- */

static lsp_doc *
find_doc(server *s, const char *uri)
{
    size_t i;

    for (i = 0; i < s->docs.n; i++)
        if (strcmp(s->docs.items[i].uri, uri) == 0)
            return &s->docs.items[i];
    return NULL;
}

static void
doc_clear(lsp_doc *d)
{
    bl_doc_free(d->doc);
    d->doc = NULL;
    bl_diags_free(&d->diags);
}

static void
doc_free(lsp_doc *d)
{
    doc_clear(d);
    free(d->uri);
    free(d->text.items);
    free(d->profile_error);
    bl_lint_cache_free(d->cache);
}

/* --- .blamelint.toml ---------------------------------------------------- */

static void settings_onto(bl_rules *rules, const lsp_json *j, int t,
                          char *err, size_t errlen);

static void
drop_config_sets(server *s)
{
    size_t i;

    for (i = 0; i < s->sets.n; i++)
        bl_rules_free(s->sets.items[i].rules);
    s->sets.n = 0;
}

static void
configs_free(server *s)
{
    size_t i;

    drop_config_sets(s);
    BL_VEC_FREE(&s->sets);
    for (i = 0; i < s->configs.n; i++) {
        free(s->configs.items[i].path);
        cli_config_free(s->configs.items[i].config);
    }
    BL_VEC_FREE(&s->configs);
}

/* The file a file: URI names (percent-decoded), or NULL. */
static char *
uri_path(const char *uri)
{
    size_t i, o = 0, n;
    char *p;

    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    uri += 7;
    n = strlen(uri);
    if ((p = malloc(n + 1)) == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned v;
        if (uri[i] == '%' && i + 2 < n + 1 && sscanf(uri + i + 1, "%2x", &v) == 1) {
            p[o++] = (char)v;
            i += 2;
        } else {
            p[o++] = uri[i];
        }
    }
    p[o] = '\0';
    return p;
}

/* The config loaded from path, read again when the file changed.  A
 * version with an error is shown to the user, once, and the last version
 * that loaded stays in effect (NULL, the editor's settings alone, when
 * none has), so a half-typed edit to the file never turns rules back on. */
static const cli_config *
config_at(server *s, const char *path)
{
    struct stat st;
    lsp_config *c = NULL;
    cli_config *fresh;
    char err[1024];
    size_t i;

    if (stat(path, &st) != 0)
        return NULL;
    for (i = 0; i < s->configs.n; i++)
        if (strcmp(s->configs.items[i].path, path) == 0)
            c = &s->configs.items[i];
    if (c != NULL && c->mtime.tv_sec == st.st_mtim.tv_sec
        && c->mtime.tv_nsec == st.st_mtim.tv_nsec)
        return c->config;
    if (c == NULL) {
        lsp_config blank = {NULL, {0, 0}, NULL};
        if ((blank.path = bl_strndup(path, strlen(path))) == NULL
            || BL_VEC_PUSH(&s->configs, blank) < 0) {
            free(blank.path);
            return NULL;
        }
        c = &s->configs.items[s->configs.n - 1];
    }
    c->mtime = st.st_mtim;
    if ((fresh = cli_config_load(path, s->rules, err, sizeof err)) == NULL) {
        char msg[1100];
        snprintf(msg, sizeof msg, "blamelint: %s (%s until it is fixed)", err,
                 c->config != NULL ? "its last good version stays in effect"
                                   : "the file is ignored");
        logf_("%s", msg + 11);
        show_message(s, 1, msg);
        return c->config;
    }
    /* The rule sets built from the old version stay while open
     * documents' findings point into them (drop_stale_sets). */
    for (i = 0; c->config != NULL && i < s->sets.n; i++)
        if (s->sets.items[i].config == c->config)
            s->sets.items[i].config = NULL;     /* never matched again */
    cli_config_free(c->config);
    c->config = fresh;
    return c->config;
}

/* The rules document d is linted with: the editor's rules, or, under a
 * .blamelint.toml, the defaults with the file's settings for d and the
 * editor's settings on top.  *p_profile is the profile the file's
 * [profiles] globs give d, or NULL. */
static const bl_rules *
rules_for_doc(server *s, const lsp_doc *d, const char **p_profile)
{
    char *path = uri_path(d->uri), *found, err[512];
    const cli_config *cfg = NULL;
    unsigned long long mask = 0;
    lsp_rule_set set;
    size_t i;

    *p_profile = NULL;
    if (path == NULL)
        return s->rules;
    if ((found = cli_config_find(path)) != NULL) {
        cfg = config_at(s, found);
        free(found);
    }
    if (cfg == NULL) {
        free(path);
        return s->rules;
    }
    *p_profile = cli_config_profile(cfg, path, NULL);
    mask = cli_config_mask(cfg, path);
    for (i = 0; i < s->sets.n; i++)
        if (s->sets.items[i].config == cfg && s->sets.items[i].mask == mask) {
            free(path);
            return s->sets.items[i].rules;
        }
    set.config = cfg;
    set.mask = mask;
    if (bl_rules_load_default(&set.rules, err, sizeof err) < 0) {
        free(path);
        return s->rules;
    }
    err[0] = '\0';
    cli_config_apply(cfg, path, set.rules, &mask, err, sizeof err);
    free(path);
    if (s->settings_json != NULL) {
        lsp_json j = {NULL, 0, NULL, 0, 0};     /* parse reuses its tokens */
        if (lsp_json_parse(&j, s->settings_json, strlen(s->settings_json)) == 0) {
            settings_onto(set.rules, &j, 0, err, sizeof err);
            lsp_json_free(&j);
        }
    }
    bl_rules_prepare(set.rules);
    if (BL_VEC_PUSH(&s->sets, set) < 0) {
        bl_rules_free(set.rules);
        return s->rules;
    }
    return set.rules;
}

/* Tells the user, once for each reason, why d's profile is unknown (it
 * is linted as a postmortem meanwhile); why is NULL once d names one. */
static int
show_profile_error(server *s, lsp_doc *d, const char *why)
{
    char msg[512];

    if (why == NULL || (d->profile_error != NULL
                        && strcmp(d->profile_error, why) == 0)) {
        if (why == NULL) {
            free(d->profile_error);
            d->profile_error = NULL;
        }
        return 0;
    }
    free(d->profile_error);
    if ((d->profile_error = bl_strndup(why, strlen(why))) == NULL)
        return -1;
    snprintf(msg, sizeof msg, "blamelint: %s: %s; checked as a postmortem "
             "until it names one", d->uri, why);
    logf_("%s", msg + 11);
    return show_message(s, 1, msg);
}

/* Shows the user why a rule could not run (a dictionary that is not
 * installed), once until the reason changes: every keystroke would say it
 * again.  The server goes on with the other rules. */
static int
say_rule_error(server *s, const char *why)
{
    char msg[600];

    if (s->said_error != NULL && strcmp(s->said_error, why) == 0)
        return 0;
    free(s->said_error);
    if ((s->said_error = bl_strndup(why, strlen(why))) == NULL)
        return -1;
    logf_("%s", why);
    snprintf(msg, sizeof msg, "blamelint: %s", why);
    return show_message(s, 1, msg);
}

/* Frees the rule sets of configs that have changed since (config NULL)
 * and that no open document was last linted with: editing a config many
 * times in a session must not keep a rule set per version. */
static void
drop_stale_sets(server *s)
{
    size_t i = 0, k;

    while (i < s->sets.n) {
        lsp_rule_set *set = &s->sets.items[i];
        int used = set->config != NULL;
        for (k = 0; !used && k < s->docs.n; k++)
            used = s->docs.items[k].rules == set->rules;
        if (used) {
            i++;
            continue;
        }
        bl_rules_free(set->rules);
        *set = s->sets.items[--s->sets.n];
    }
}

/* Re-parses and re-lints d's text, as the kind of document its front
 * matter or the config's [profiles] say it is.  -1 when out of memory. */
static int
relint(server *s, lsp_doc *d)
{
    bl_lint_opts lo;
    char why[256];
    int rc;

    doc_clear(d);
    memset(&lo, 0, sizeof lo);
    d->rules = rules_for_doc(s, d, &lo.config_profile);
    if (d->cache == NULL && (d->cache = bl_lint_cache_new()) == NULL)
        return -1;
    lo.cache = d->cache;
    d->doc = bl_doc_parse_cached(d->text.items ? d->text.items : "",
                                 d->text.n, d->cache);
    if (d->doc == NULL
        || ((rc = bl_lint_with(d->rules, d->doc, &lo, &d->diags)) < 0
            && rc != BL_EPROFILE && rc != BL_EDATA)) {
        doc_clear(d);
        return -1;
    }
    if (rc == BL_EDATA && say_rule_error(s, bl_rules_error(d->rules)) < 0)
        return -1;
    if (rc == BL_EPROFILE)
        bl_lint_profile(d->rules, d->doc, &lo, NULL, why, sizeof why);
    if (show_profile_error(s, d, rc == BL_EPROFILE ? why : NULL) < 0)
        return -1;
    d->result_id = ++s->next_result_id;
    drop_stale_sets(s);
    return 0;
}

static const char *
enc_name(bl_encoding enc)
{
    return enc == BL_ENC_UTF8 ? "utf-8"
           : enc == BL_ENC_CODEPOINT ? "utf-32" : "utf-16";
}

static int
add_position(bl_strbuf *sb, bl_pos p)
{
    return ADD_LIT(sb, "{\"line\":") < 0 || bl_strbuf_add_size(sb, p.line) < 0
           || ADD_LIT(sb, ",\"character\":") < 0
           || bl_strbuf_add_size(sb, p.col) < 0 || ADD_LIT(sb, "}") < 0
           ? -1 : 0;
}

static int
add_range(bl_strbuf *sb, bl_pos b, bl_pos e)
{
    return ADD_LIT(sb, "{\"start\":") < 0 || add_position(sb, b) < 0
           || ADD_LIT(sb, ",\"end\":") < 0 || add_position(sb, e) < 0
           || ADD_LIT(sb, "}") < 0 ? -1 : 0;
}

/* --- Rule documentation ------------------------------------------------- */

/* Appends ,"codeDescription":{"href":".../README.md#rule-blame-judgement"}
 * when the server knows where the rules are documented. */
static int
add_code_description(const server *s, bl_strbuf *sb, const char *rule_id)
{
    bl_strbuf href = {NULL, 0, 0};
    const char *p;
    int rc;

    if (s->docs_uri == NULL)
        return 0;
    rc = bl_strbuf_add(&href, s->docs_uri, strlen(s->docs_uri)) < 0
         || ADD_LIT(&href, "#rule-") < 0 ? -1 : 0;
    for (p = rule_id; *p && rc == 0; p++)
        rc = bl_strbuf_add(&href, *p == '/' ? "-" : p, 1);
    rc = rc < 0 || ADD_LIT(sb, ",\"codeDescription\":{\"href\":") < 0
         || lsp_json_add_string(sb, href.items, href.n) < 0
         || ADD_LIT(sb, "}") < 0 ? -1 : 0;
    free(href.items);
    return rc;
}

static int
lsp_severity(bl_severity sev)
{
    return sev == BL_SEV_ERROR ? 1 : sev == BL_SEV_WARNING ? 2 : 3;
}

/* Appends one diagnostic in LSP form. */
static int
add_diagnostic(server *s, bl_strbuf *sb, const lsp_doc *d, const bl_diag *g,
               bl_pos_cache *at_begin, bl_pos_cache *at_end)
{
    bl_pos b = bl_doc_position_cached(d->doc, at_begin, g->begin, s->enc);
    bl_pos e = bl_doc_position_cached(d->doc, at_end, g->end, s->enc);

    return ADD_LIT(sb, "{\"range\":") < 0 || add_range(sb, b, e) < 0
           || ADD_LIT(sb, ",\"severity\":") < 0
           || bl_strbuf_add_size(sb, (size_t)lsp_severity(g->severity)) < 0
           || ADD_LIT(sb, ",\"code\":") < 0
           || lsp_json_add_cstring(sb, g->rule->id) < 0
           || add_code_description(s, sb, g->rule->id) < 0
           || ADD_LIT(sb, ",\"source\":\"blamelint\",\"message\":")
              < 0
           || lsp_json_add_cstring(sb, g->message) < 0
           || ADD_LIT(sb, "}") < 0 ? -1 : 0;
}

/* The diagnostics of d as a JSON array. */
static int
add_diagnostics(server *s, bl_strbuf *sb, const lsp_doc *d)
{
    size_t i;
    bl_pos_cache at_begin = {0, {0, 0}, BL_ENC_UTF16, 0};
    bl_pos_cache at_end = at_begin;

    if (ADD_LIT(sb, "[") < 0)
        return -1;
    for (i = 0; d->doc != NULL && i < d->diags.n; i++) {
        if ((i > 0 && ADD_LIT(sb, ",") < 0)
            || add_diagnostic(s, sb, d, &d->diags.items[i], &at_begin,
                              &at_end) < 0)
            return -1;
    }
    return ADD_LIT(sb, "]");
}

static int
publish(server *s, const lsp_doc *d, int empty)
{
    bl_strbuf sb = {NULL, 0, 0};

    if (s->pull)
        return 0;   /* the client asks with textDocument/diagnostic */
    if (ADD_LIT(&sb, "{\"jsonrpc\":\"2.0\",\"method\":"
                      "\"textDocument/publishDiagnostics\",\"params\":"
                      "{\"uri\":") < 0
        || lsp_json_add_cstring(&sb, d->uri) < 0
        || (!empty && bl_strbuf_addf(&sb, ",\"version\":%ld", d->version) < 0)
        || ADD_LIT(&sb, ",\"diagnostics\":") < 0
        || (empty ? ADD_LIT(&sb, "[]")
                  : add_diagnostics(s, &sb, d)) < 0
        || ADD_LIT(&sb, "}}") < 0) {
        free(sb.items);
        return -1;
    }
    return send_buf(s, &sb);
}

/* --- Settings ------------------------------------------------------------ */

/* Applies {"rules": {"blame/judgement": "off", ...}, "settings":
 * {"whys.min": 3}} (the object at token t) onto rules; err[0] is set on a
 * value it does not accept. */
static void
settings_onto(bl_rules *rules, const lsp_json *j, int t, char *err,
              size_t errlen)
{
    int rules_t, set_t, i, k, count;

    rules_t = lsp_json_get(j, t, "rules");
    set_t = lsp_json_get(j, t, "settings");
    err[0] = '\0';
    if (lsp_json_is_object(j, rules_t)) {
        count = j->toks[rules_t].size;
        for (i = rules_t + 1, k = 0; k < count && err[0] == '\0'; k++) {
            bl_strbuf key = {NULL, 0, 0}, val = {NULL, 0, 0};
            int sev = -2;
            if (lsp_json_string(j, i, &key) < 0
                || lsp_json_string(j, i + 1, &val) < 0)
                snprintf(err, errlen, "blamelint: \"rules\" maps rule "
                         "ids to \"off\", \"on\", \"info\", \"warning\" or "
                         "\"error\"");
            else if (strcmp(val.items, "on") == 0)
                sev = BL_SEV_ON;
            else if ((sev = bl_severity_parse(val.items)) < 0)
                snprintf(err, errlen, "blamelint: rule %s: \"%s\" is "
                         "not off, on, info, warning or error", key.items,
                         val.items);
            if (err[0] == '\0'
                && bl_rules_set_severity(rules, key.items, sev) == 0)
                snprintf(err, errlen, "blamelint: no rule or family "
                         "\"%s\"", key.items);
            free(key.items);
            free(val.items);
            i = lsp_json_skip(j, i + 1);
        }
    }
    if (err[0] == '\0' && lsp_json_is_object(j, set_t)) {
        count = j->toks[set_t].size;
        for (i = set_t + 1, k = 0; k < count && err[0] == '\0'; k++) {
            bl_strbuf key = {NULL, 0, 0}, val = {NULL, 0, 0};
            size_t n;
            const char *raw;
            char e2[256];
            if (lsp_json_string(j, i, &key) < 0) {
                snprintf(err, errlen, "blamelint: bad settings key");
            } else {
                if (lsp_json_is_string(j, i + 1))
                    lsp_json_string(j, i + 1, &val);
                else {
                    raw = lsp_json_raw(j, i + 1, &n);
                    bl_strbuf_add(&val, raw, n);
                }
                if (val.items == NULL
                    || bl_rules_set(rules, key.items, val.items, e2,
                                    sizeof e2) < 0)
                    snprintf(err, errlen, "blamelint: %s",
                             val.items ? e2 : "out of memory");
            }
            free(key.items);
            free(val.items);
            i = lsp_json_skip(j, i + 1);
        }
    }
}

/* The editor's settings (or the same under "blamelint") are applied to a
 * fresh copy of the default rules; on success they replace the rules in
 * use, and are kept (as JSON) to apply on top of a .blamelint.toml.  A
 * bad value leaves the old rules alone and tells the user why. */
static int
apply_settings(server *s, const lsp_json *j, int t)
{
    bl_rules *rules;
    char err[512];
    size_t n;
    const char *raw;
    char *copy;

    if (lsp_json_get(j, t, "blamelint") >= 0)
        t = lsp_json_get(j, t, "blamelint");
    if (!lsp_json_is_object(j, t))
        return 0;
    if (bl_rules_load_default(&rules, err, sizeof err) < 0) {
        logf_("%s", err);
        return -1;
    }
    err[0] = '\0';
    settings_onto(rules, j, t, err, sizeof err);
    if (err[0] != '\0') {
        bl_rules_free(rules);
        logf_("%s; keeping the previous settings", err + 11);
        return show_message(s, 1, err);
    }
    raw = j->text + j->toks[t].start;
    n = (size_t)(j->toks[t].end - j->toks[t].start);
    if ((copy = malloc(n + 1)) == NULL) {
        bl_rules_free(rules);
        return -1;
    }
    memcpy(copy, raw, n);
    copy[n] = '\0';
    free(s->settings_json);
    s->settings_json = copy;
    bl_rules_prepare(rules);
    bl_rules_free(s->rules);
    s->rules = rules;
    drop_config_sets(s);
    return 1;
}

/* Re-lints and re-publishes every open document (settings or the word
 * list changed).  A client that pulls diagnostics is asked to pull again,
 * when it says it can be. */
static int
republish_all(server *s)
{
    bl_strbuf sb = {NULL, 0, 0};
    size_t i;

    for (i = 0; i < s->docs.n; i++) {
        if (relint(s, &s->docs.items[i]) < 0
            || publish(s, &s->docs.items[i], 0) < 0)
            return -1;
    }
    if (!s->pull || !s->refresh || s->docs.n == 0)
        return 0;
    if (bl_strbuf_addf(&sb, "{\"jsonrpc\":\"2.0\",\"id\":\"blamelint-%lu\","
                       "\"method\":\"workspace/diagnostic/refresh\"}",
                       ++s->next_request_id) < 0) {
        free(sb.items);
        return -1;
    }
    return send_buf(s, &sb);
}

/* --- Handlers ------------------------------------------------------------ */

/* A handler answers a request (id >= 0) or handles a notification (id <
 * 0); `params` is the params token or -1.  It returns -1 only when the
 * server cannot go on (out of memory, the client gone). */
typedef int (*handler_fn)(server *s, const lsp_json *j, int id, int params);

/* Does the client's capability array at t hold the string want? */
static int
array_has(const lsp_json *j, int t, const char *want)
{
    int i, k;

    if (!lsp_json_is_array(j, t))
        return 0;
    for (i = t + 1, k = 0; k < j->toks[t].size; k++) {
        if (lsp_json_streq(j, i, want))
            return 1;
        i = lsp_json_skip(j, i);
    }
    return 0;
}

/* Where codeDescription links point: initializationOptions.docsUrl (a
 * team's own copy of the manual, say on its Git host) when given, else the
 * installed README. */
static int
set_docs(server *s, const lsp_json *j, int options)
{
    bl_strbuf url = {NULL, 0, 0};
    int t = lsp_json_get(j, options, "docsUrl");

    if (t < 0 && lsp_json_get(j, options, "blamelint") >= 0)
        t = lsp_json_get(j, lsp_json_get(j, options, "blamelint"), "docsUrl");
    free(s->docs_uri);
    s->docs_uri = NULL;
    if (lsp_json_is_string(j, t)) {
        if (lsp_json_string(j, t, &url) < 0)
            return -1;
        if (url.n > 0) {
            s->docs_uri = url.items;    /* NUL-terminated by lsp_json_string */
            return 0;
        }
        free(url.items);
    }
    s->docs_uri = cli_docs_uri();
    return 0;
}

static int
on_initialize(server *s, const lsp_json *j, int id, int params)
{
    int encs = lsp_json_path(j, params, "capabilities", "general",
                             "positionEncodings", NULL);
    int pull = lsp_json_path(j, params, "capabilities", "textDocument",
                             "diagnostic", NULL);
    int edit = lsp_json_path(j, params, "capabilities", "workspace",
                             "workspaceEdit", NULL);
    bl_strbuf sb = {NULL, 0, 0};
    int rc;

    if (s->initialized)
        return send_error(s, j, id, ERR_INVALID_REQUEST,
                          "initialize was already called");
    s->enc = array_has(j, encs, "utf-8") ? BL_ENC_UTF8 : BL_ENC_UTF16;
    s->pull = lsp_json_is_object(j, pull);
    s->refresh = lsp_json_bool(j, lsp_json_path(j, params, "capabilities",
                                                "workspace", "diagnostics",
                                                "refreshSupport", NULL)) == 1;
    s->edit_caps.document_changes
        = lsp_json_bool(j, lsp_json_get(j, edit, "documentChanges")) == 1;
    s->edit_caps.create_files
        = array_has(j, lsp_json_get(j, edit, "resourceOperations"), "create");
    if (apply_settings(s, j, lsp_json_get(j, params, "initializationOptions"))
        < 0 || set_docs(s, j, lsp_json_get(j, params, "initializationOptions"))
        < 0)
        return -1;
    if (bl_strbuf_addf(&sb, "{\"capabilities\":{\"positionEncoding\":\"%s\","
                       "\"textDocumentSync\":{\"openClose\":true,"
                       "\"change\":2,\"save\":{\"includeText\":false}},"
                       "\"codeActionProvider\":{\"codeActionKinds\":"
                       "[\"quickfix\"]},\"hoverProvider\":true,"
                       "\"executeCommandProvider\":{\"commands\":"
                       "[\"blamelint.addWord\"]}%s},"
                       "\"serverInfo\":{\"name\":\"blamelint\","
                       "\"version\":\"%s\"}}", enc_name(s->enc),
                       s->pull ? ",\"diagnosticProvider\":{"
                                 "\"interFileDependencies\":false,"
                                 "\"workspaceDiagnostics\":false}" : "",
                       BL_VERSION) < 0)
        return -1;
    s->initialized = 1;
    rc = send_result(s, j, id, sb.items, sb.n);
    free(sb.items);
    return rc;
}

static int
on_shutdown(server *s, const lsp_json *j, int id, int params)
{
    (void)params;
    s->shutdown = 1;
    return send_result(s, j, id, "null", 4);
}

/* Reads params.textDocument.uri into *uri (the caller frees it). */
static int
get_uri(const lsp_json *j, int params, bl_strbuf *uri)
{
    int t = lsp_json_path(j, params, "textDocument", "uri", NULL);
    return lsp_json_string(j, t, uri);
}

static int
on_did_open(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0};
    int text = lsp_json_path(j, params, "textDocument", "text", NULL);
    int ver = lsp_json_path(j, params, "textDocument", "version", NULL);
    lsp_doc *d, nd;

    (void)id;
    if (get_uri(j, params, &uri) < 0 || !lsp_json_is_string(j, text)) {
        free(uri.items);
        logf_("didOpen without textDocument.uri and text: ignored");
        return 0;
    }
    if ((d = find_doc(s, uri.items)) == NULL) {
        memset(&nd, 0, sizeof nd);
        nd.uri = uri.items;
        uri.items = NULL;
        if (BL_VEC_PUSH(&s->docs, nd) < 0) {
            free(nd.uri);
            return -1;
        }
        d = &s->docs.items[s->docs.n - 1];
    }
    free(uri.items);
    d->text.n = 0;
    d->version = 0;
    lsp_json_long(j, ver, &d->version);
    if (lsp_json_string(j, text, &d->text) < 0 || relint(s, d) < 0)
        return -1;
    return publish(s, d, 0);
}

/* Reads a Position at t in the negotiated encoding. */
static int
get_pos(const lsp_json *j, int t, bl_pos *p)
{
    long line, ch;

    if (lsp_json_long(j, lsp_json_get(j, t, "line"), &line) < 0
        || lsp_json_long(j, lsp_json_get(j, t, "character"), &ch) < 0
        || line < 0 || ch < 0)
        return -1;
    p->line = (size_t)line;
    p->col = (size_t)ch;
    return 0;
}

/* Applies one contentChanges entry to d->text: a range edit, or the whole
 * text when there is no range.  A range past the end is clamped. */
static int
apply_change(server *s, lsp_doc *d, const lsp_json *j, int change)
{
    int range = lsp_json_get(j, change, "range");
    int text = lsp_json_get(j, change, "text");
    bl_strbuf repl = {NULL, 0, 0};
    bl_pos pb, pe;
    size_t b, e, tail;
    int rc = 0;

    if (!lsp_json_is_string(j, text))
        return 1;   /* malformed: skipped */
    if (lsp_json_string(j, text, &repl) < 0) {
        free(repl.items);
        return 1;
    }
    if (range < 0) {
        free(d->text.items);
        d->text = repl;
        return 0;
    }
    if (get_pos(j, lsp_json_get(j, range, "start"), &pb) < 0
        || get_pos(j, lsp_json_get(j, range, "end"), &pe) < 0) {
        free(repl.items);
        return 1;
    }
    b = bl_text_offset(d->text.items ? d->text.items : "", d->text.n, pb,
                       s->enc);
    e = bl_text_offset(d->text.items ? d->text.items : "", d->text.n, pe,
                       s->enc);
    if (e < b)
        e = b;
    tail = d->text.n - e;
    if (repl.n > e - b && BL_VEC_RESERVE(&d->text, repl.n - (e - b) + 1) < 0)
        rc = -1;
    if (rc == 0) {
        memmove(d->text.items + b + repl.n, d->text.items + e, tail);
        if (repl.n > 0)
            memcpy(d->text.items + b, repl.items, repl.n);
        d->text.n = b + repl.n + tail;
    }
    free(repl.items);
    return rc;
}

static int
on_did_change(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0};
    int changes = lsp_json_get(j, params, "contentChanges");
    int ver = lsp_json_path(j, params, "textDocument", "version", NULL);
    int i, k, skipped = 0, rc;
    lsp_doc *d;

    (void)id;
    if (get_uri(j, params, &uri) < 0 || !lsp_json_is_array(j, changes)) {
        free(uri.items);
        logf_("didChange without textDocument.uri and contentChanges");
        return 0;
    }
    d = find_doc(s, uri.items);
    if (d == NULL) {
        logf_("didChange for %s, which is not open: ignored", uri.items);
        free(uri.items);
        return 0;
    }
    free(uri.items);
    for (i = changes + 1, k = 0; k < j->toks[changes].size; k++) {
        rc = apply_change(s, d, j, i);
        if (rc < 0)
            return -1;
        skipped += rc;
        i = lsp_json_skip(j, i);
    }
    if (skipped > 0)
        logf_("didChange: %d malformed change(s) skipped", skipped);
    lsp_json_long(j, ver, &d->version);
    if (relint(s, d) < 0)
        return -1;
    return publish(s, d, 0);
}

static int
on_did_close(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0};
    lsp_doc *d;
    int rc = 0;

    (void)id;
    if (get_uri(j, params, &uri) < 0 || (d = find_doc(s, uri.items)) == NULL) {
        free(uri.items);
        return 0;
    }
    free(uri.items);
    doc_clear(d);
    rc = publish(s, d, 1);
    doc_free(d);
    *d = s->docs.items[--s->docs.n];
    drop_stale_sets(s);
    return rc;
}

static int
on_did_save(server *s, const lsp_json *j, int id, int params)
{
    /* The buffer was linted on every change; saving changes nothing. */
    (void)s;
    (void)j;
    (void)id;
    (void)params;
    return 0;
}

static int
on_did_change_configuration(server *s, const lsp_json *j, int id, int params)
{
    int rc;

    (void)id;
    rc = apply_settings(s, j, lsp_json_get(j, params, "settings"));
    if (rc < 0)
        return -1;
    return rc == 1 ? republish_all(s) : 0;
}

static int
on_diagnostic(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0}, prev = {NULL, 0, 0}, sb = {NULL, 0, 0};
    lsp_doc *d;
    char rid[32];
    int rc;

    if (get_uri(j, params, &uri) < 0) {
        free(uri.items);
        return send_error(s, j, id, ERR_INVALID_PARAMS,
                          "textDocument/diagnostic needs textDocument.uri");
    }
    d = find_doc(s, uri.items);
    free(uri.items);
    if (d == NULL)
        return send_result(s, j, id, "{\"kind\":\"full\",\"items\":[]}", 25);
    snprintf(rid, sizeof rid, "%lu", d->result_id);
    lsp_json_string(j, lsp_json_get(j, params, "previousResultId"), &prev);
    if (prev.items != NULL && strcmp(prev.items, rid) == 0)
        rc = bl_strbuf_addf(&sb, "{\"kind\":\"unchanged\",\"resultId\":\"%s\"}",
                            rid);
    else
        rc = bl_strbuf_addf(&sb, "{\"kind\":\"full\",\"resultId\":\"%s\","
                            "\"items\":", rid) < 0
             || add_diagnostics(s, &sb, d) < 0
             || ADD_LIT(&sb, "}") < 0 ? -1 : 0;
    free(prev.items);
    if (rc < 0) {
        free(sb.items);
        return -1;
    }
    rc = send_result(s, j, id, sb.items, sb.n);
    free(sb.items);
    return rc;
}

/* The findings of d that overlap [b, e) (touching counts, so a cursor at
 * either end of a span finds it). */
static int
overlaps(const bl_diag *g, size_t b, size_t e)
{
    return g->begin <= e && b <= g->end;
}

/* A short title for the fix of g: what the edit does. */
static int
add_action_title(bl_strbuf *sb, const lsp_doc *d, const bl_diag *g)
{
    char quoted[96];
    size_t len, n = g->end - g->begin;
    const char *src = bl_doc_source(d->doc, &len);

    if (g->fix_begin != g->begin || g->fix_end != g->end) {
        const char *f = g->fix + strspn(g->fix, "\r\n#");
        size_t fn = strcspn(f, "\r\n");
        snprintf(quoted, sizeof quoted, "%.*s", (int)(fn > 60 ? 60 : fn), f);
        return ADD_LIT(sb, "Insert the ") < 0
               || bl_strbuf_add(sb, quoted + strspn(quoted, " "),
                                strlen(quoted + strspn(quoted, " "))) < 0
               || ADD_LIT(sb, " section") < 0 ? -1 : 0;
    }
    snprintf(quoted, sizeof quoted, "%.*s", (int)(n > 60 ? 60 : n),
             src + g->begin);
    if (g->fix[0] == '\0')
        return bl_strbuf_addf(sb, "Remove \"%s\"", quoted);
    return bl_strbuf_addf(sb, "Replace \"%s\" with \"%.60s\"", quoted, g->fix);
}

/* Appends one code action that inserts text at source offset at. */
static int
add_insert_action(server *s, bl_strbuf *sb, const lsp_doc *d,
                  const bl_diag *g, const char *title, size_t at,
                  const char *text)
{
    bl_pos_cache c1 = {0, {0, 0}, BL_ENC_UTF16, 0}, c2 = c1;
    bl_pos p = bl_doc_position(d->doc, at, s->enc);

    return ADD_LIT(sb, "{\"title\":") < 0
           || lsp_json_add_cstring(sb, title) < 0
           || ADD_LIT(sb, ",\"kind\":\"quickfix\",\"diagnostics\":[") < 0
           || add_diagnostic(s, sb, d, g, &c1, &c2) < 0
           || ADD_LIT(sb, "],\"edit\":{\"changes\":{") < 0
           || lsp_json_add_cstring(sb, d->uri) < 0
           || ADD_LIT(sb, ":[{\"range\":") < 0
           || add_range(sb, p, p) < 0
           || ADD_LIT(sb, ",\"newText\":") < 0
           || lsp_json_add_cstring(sb, text) < 0
           || ADD_LIT(sb, "}]}}}") < 0 ? -1 : 0;
}

/* Where a disable-line comment goes on the line [b, e): at its end, but
 * inside a table row's last cell (after the closing "|" it would be a
 * cell GFM drops) and before a hard line break (two spaces or "\\"),
 * which must stay last. */
static size_t
line_comment_at(const char *src, size_t b, size_t e)
{
    size_t end = e, k;

    while (end > b && (src[end - 1] == ' ' || src[end - 1] == '\t'))
        end--;
    if (end > b && src[end - 1] == '\\')
        return end - 1;
    if (end < e && e - end >= 2)
        return end;             /* "  ": a hard break */
    for (k = b; k < end && (src[k] == ' ' || src[k] == '\t'); k++)
        ;
    if (end > k + 1 && src[k] == '|' && src[end - 1] == '|')
        return end - 1;         /* "| a | b |": in the last cell */
    return e;
}

/* "Disable RULE for this line" (a blamelint-disable-line comment on the
 * finding's first line: a comment line inserted above could split a
 * paragraph or end a table) and "...for this file" (a
 * blamelint-disable-file comment on a line of its own at the top, after
 * any front matter; offered once per rule). */
static int
add_disable_actions(server *s, bl_strbuf *sb, const lsp_doc *d, size_t which,
                    size_t *count)
{
    const bl_diag *g = &d->diags.items[which];
    size_t len, eol, bol, k;
    const char *src = bl_doc_source(d->doc, &len);
    const char *nl = memchr(src + g->begin, '\n', len - g->begin);
    bl_strbuf title = {NULL, 0, 0}, text = {NULL, 0, 0};
    int rc, first_of_rule = 1;

    for (k = 0; k < which; k++)
        if (d->diags.items[k].rule == g->rule)
            first_of_rule = 0;
    eol = nl != NULL ? (size_t)(nl - src) : len;
    if (eol > g->begin && src[eol - 1] == '\r')
        eol--;
    for (bol = g->begin; bol > 0 && src[bol - 1] != '\n'; bol--)
        ;
    rc = bl_strbuf_addf(&title, "Disable %s for this line", g->rule->id) < 0
         || bl_strbuf_addf(&text, " <!-- blamelint-disable-line %s -->",
                           g->rule->id) < 0
         || ((*count)++ > 0 && ADD_LIT(sb, ",") < 0)
         || add_insert_action(s, sb, d, g, title.items,
                              line_comment_at(src, bol, eol), text.items) < 0
         ? -1 : 0;
    if (rc == 0 && first_of_rule) {
        title.n = text.n = 0;
        rc = bl_strbuf_addf(&title, "Disable %s for this file",
                            g->rule->id) < 0
             || bl_strbuf_addf(&text, "<!-- blamelint-disable-file %s -->%s",
                               g->rule->id,
                               bl_doc_uses_crlf(d->doc) ? "\r\n" : "\n") < 0
             || ADD_LIT(sb, ",") < 0
             || add_insert_action(s, sb, d, g, title.items,
                                  bl_doc_body_offset(d->doc), text.items) < 0
             ? -1 : 0;
        (*count)++;
    }
    free(title.items);
    free(text.items);
    return rc;
}

/* --- The word list ------------------------------------------------------ */

/* The word list file rules read (spelling.wordlist), as an absolute path:
 * a relative one is relative to the server's working directory, as for
 * the CLI.  Newly allocated; NULL when there is none. */
static char *
word_list_path(const bl_rules *rules)
{
    const char *v = rules != NULL
                    ? bl_rules_setting(rules, "spelling.wordlist") : NULL;
    bl_strbuf sb = {NULL, 0, 0};
    char cwd[4096];

    if (v == NULL || v[0] == '\0')
        return NULL;
    if (v[0] != '/' && getcwd(cwd, sizeof cwd) == NULL)
        return NULL;
    if (bl_strbuf_addf(&sb, "%s%s%s", v[0] == '/' ? "" : cwd,
                       v[0] == '/' ? "" : "/", v) < 0) {
        free(sb.items);
        return NULL;
    }
    return sb.items;
}

/* Is s[0..n) a word as written, with no markup or entity inside
 * ("re**cieved", "caf&eacute;" are not words to put in a list)? */
static int
is_plain_word(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c == '\'' || c == '-'
              || c >= 0x80))
            return 0;
    }
    return n > 0;
}

/* "Add 'word' to the word list" for spelling finding g: an edit that
 * appends the word to the word list file, which the editor applies in its
 * buffer, and a command that tells the server at once (the editor may
 * keep the file unsaved for a while).  Nothing when the rules have no
 * word list. */
static int
add_word_action(server *s, bl_strbuf *sb, const lsp_doc *d, const bl_diag *g,
                size_t *count)
{
    char *path;
    size_t len;
    const char *src = bl_doc_source(d->doc, &len);
    bl_strbuf word = {NULL, 0, 0}, title = {NULL, 0, 0}, uri = {NULL, 0, 0};
    bl_pos_cache c1 = {0, {0, 0}, BL_ENC_UTF16, 0}, c2 = c1;
    int rc;

    if (!is_plain_word(src + g->begin, g->end - g->begin)
        || (path = word_list_path(d->rules)) == NULL)
        return 0;
    rc = bl_strbuf_add(&word, src + g->begin, g->end - g->begin) < 0
         || bl_strbuf_addf(&title, "Add '%s' to the word list", word.items) < 0
         || cli_add_file_uri(&uri, path) < 0
         || ((*count)++ > 0 && ADD_LIT(sb, ",") < 0)
         || ADD_LIT(sb, "{\"title\":") < 0
         || lsp_json_add_string(sb, title.items, title.n) < 0
         || ADD_LIT(sb, ",\"kind\":\"quickfix\",\"diagnostics\":[") < 0
         || add_diagnostic(s, sb, d, g, &c1, &c2) < 0
         || ADD_LIT(sb, "],\"edit\":") < 0
         || lsp_wordlist_edit(sb, path, word.items, &s->edit_caps, s->enc) < 0
         || ADD_LIT(sb, ",\"command\":{\"title\":") < 0
         || lsp_json_add_string(sb, title.items, title.n) < 0
         || ADD_LIT(sb, ",\"command\":\"blamelint.addWord\","
                        "\"arguments\":[") < 0
         || lsp_json_add_string(sb, uri.items, uri.n) < 0
         || ADD_LIT(sb, ",") < 0
         || lsp_json_add_string(sb, word.items, word.n) < 0
         || ADD_LIT(sb, "]}}") < 0 ? -1 : 0;
    free(path);
    free(word.items);
    free(title.items);
    free(uri.items);
    return rc;
}

/* Does a spelling finding before diags[which] in [b, e) flag the same
 * word? */
static int
is_repeated_word(const lsp_doc *d, size_t which, size_t b, size_t e)
{
    const bl_diag *g = &d->diags.items[which], *h;
    size_t k, len;
    const char *src = bl_doc_source(d->doc, &len);

    for (k = 0; k < which; k++) {
        h = &d->diags.items[k];
        if (h->rule == g->rule && overlaps(h, b, e)
            && h->end - h->begin == g->end - g->begin
            && memcmp(src + h->begin, src + g->begin, g->end - g->begin) == 0)
            return 1;
    }
    return 0;
}

/* workspace/executeCommand "blamelint.addWord" [WORDLIST-URI, WORD]: the
 * word is known from now on to every rule set that reads that word list,
 * and the open documents are checked again.  The file itself is the
 * editor's to change (the action's edit); when it is saved, the server
 * reads it again. */
static int
on_execute_command(server *s, const lsp_json *j, int id, int params)
{
    int args = lsp_json_get(j, params, "arguments");
    bl_strbuf uri = {NULL, 0, 0}, word = {NULL, 0, 0};
    char *path = NULL, *wl;
    size_t i;
    int rc = 0;

    if (!lsp_json_streq(j, lsp_json_get(j, params, "command"),
                        "blamelint.addWord"))
        return send_error(s, j, id, ERR_INVALID_PARAMS,
                          "unknown command (blamelint.addWord is the one)");
    if (!lsp_json_is_array(j, args) || j->toks[args].size != 2
        || lsp_json_string(j, args + 1, &uri) < 0
        || lsp_json_string(j, lsp_json_skip(j, args + 1), &word) < 0
        || (path = uri_path(uri.items)) == NULL || word.n == 0
        || word.n > 100 || strcspn(word.items, " \t\r\n") != word.n) {
        free(uri.items);
        free(word.items);
        free(path);
        return send_error(s, j, id, ERR_INVALID_PARAMS,
                          "blamelint.addWord takes a word list's file: URI "
                          "and one word");
    }
    for (i = 0; rc == 0 && i <= s->sets.n; i++) {
        bl_rules *rules = i < s->sets.n ? s->sets.items[i].rules : s->rules;
        wl = word_list_path(rules);
        if (wl != NULL && strcmp(wl, path) == 0)
            rc = bl_rules_add_word(rules, word.items);
        free(wl);
    }
    free(uri.items);
    free(word.items);
    free(path);
    if (rc < 0 || send_result(s, j, id, "null", 4) < 0)
        return -1;
    return republish_all(s);
}

/* A file the client watches changed (the VS Code extension watches the
 * word list and .blamelint.toml): the rules read both again as they lint
 * when they have changed, so linting every open document again brings
 * every finding up to date. */
static int
on_did_change_watched_files(server *s, const lsp_json *j, int id, int params)
{
    (void)j;
    (void)id;
    (void)params;
    return republish_all(s);
}

static int
on_code_action(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0}, sb = {NULL, 0, 0}, title = {NULL, 0, 0};
    int range = lsp_json_get(j, params, "range");
    bl_pos pb, pe;
    lsp_doc *d;
    size_t b, e, i, len, count = 0;
    int rc = 0;

    if (get_uri(j, params, &uri) < 0
        || get_pos(j, lsp_json_get(j, range, "start"), &pb) < 0
        || get_pos(j, lsp_json_get(j, range, "end"), &pe) < 0) {
        free(uri.items);
        return send_error(s, j, id, ERR_INVALID_PARAMS,
                          "codeAction needs textDocument.uri and a range");
    }
    d = find_doc(s, uri.items);
    if (d == NULL || d->doc == NULL) {
        free(uri.items);
        return send_result(s, j, id, "[]", 2);
    }
    bl_doc_source(d->doc, &len);
    b = bl_doc_offset(d->doc, pb, s->enc);
    e = bl_doc_offset(d->doc, pe, s->enc);
    rc = ADD_LIT(&sb, "[");
    for (i = 0; rc == 0 && i < d->diags.n; i++) {
        const bl_diag *g = &d->diags.items[i];
        bl_pos_cache c1 = {0, {0, 0}, BL_ENC_UTF16, 0}, c2 = c1;
        if (g->fix == NULL || !overlaps(g, b, e))
            continue;
        title.n = 0;
        rc = (count++ > 0 && ADD_LIT(&sb, ",") < 0)
             || add_action_title(&title, d, g) < 0
             || ADD_LIT(&sb, "{\"title\":") < 0
             || lsp_json_add_string(&sb, title.items, title.n) < 0
             || ADD_LIT(&sb, ",\"kind\":\"quickfix\",\"isPreferred\":"
                              "true,\"diagnostics\":[") < 0
             || add_diagnostic(s, &sb, d, g, &c1, &c2) < 0
             || ADD_LIT(&sb, "],\"edit\":{\"changes\":{") < 0
             || lsp_json_add_cstring(&sb, d->uri) < 0
             || ADD_LIT(&sb, ":[{\"range\":") < 0
             || add_range(&sb, bl_doc_position(d->doc, g->fix_begin, s->enc),
                          bl_doc_position(d->doc, g->fix_end, s->enc)) < 0
             || ADD_LIT(&sb, ",\"newText\":") < 0
             || lsp_json_add_cstring(&sb, g->fix) < 0
             || ADD_LIT(&sb, "}]}}}") < 0 ? -1 : 0;
    }
    /* A word spelt as meant goes in the word list (once, however often
     * the range holds it). */
    for (i = 0; rc == 0 && i < d->diags.n; i++) {
        const bl_diag *g = &d->diags.items[i];
        if (overlaps(g, b, e)
            && strcmp(g->rule->id, "spelling/unknown-word") == 0
            && !is_repeated_word(d, i, b, e))
            rc = add_word_action(s, &sb, d, g, &count);
    }
    /* After the fixes, which editors offer first: turning a finding off
     * where a person has decided it does not apply. */
    for (i = 0; rc == 0 && i < d->diags.n; i++) {
        const bl_diag *g = &d->diags.items[i];
        if (overlaps(g, b, e)
            && strcmp(g->rule->id, "suppression/unused") != 0)
            rc = add_disable_actions(s, &sb, d, i, &count);
    }
    if (rc == 0)
        rc = ADD_LIT(&sb, "]");
    if (rc == 0)
        rc = send_result(s, j, id, sb.items, sb.n);
    free(uri.items);
    free(sb.items);
    free(title.items);
    return rc;
}

static int
on_hover(server *s, const lsp_json *j, int id, int params)
{
    bl_strbuf uri = {NULL, 0, 0}, md = {NULL, 0, 0}, sb = {NULL, 0, 0};
    bl_pos p;
    lsp_doc *d;
    size_t at, i;
    const bl_diag *g = NULL;
    int rc;

    if (get_uri(j, params, &uri) < 0
        || get_pos(j, lsp_json_get(j, params, "position"), &p) < 0) {
        free(uri.items);
        return send_error(s, j, id, ERR_INVALID_PARAMS,
                          "hover needs textDocument.uri and a position");
    }
    d = find_doc(s, uri.items);
    free(uri.items);
    if (d == NULL || d->doc == NULL)
        return send_result(s, j, id, "null", 4);
    at = bl_doc_offset(d->doc, p, s->enc);
    for (i = 0; i < d->diags.n && g == NULL; i++)
        if (d->diags.items[i].begin <= at && at < d->diags.items[i].end)
            g = &d->diags.items[i];
    if (g == NULL)
        return send_result(s, j, id, "null", 4);
    rc = bl_strbuf_addf(&md, "**%s** (%s): %s\n\n%s\n\n%s", g->rule->id,
                        bl_severity_name(g->severity), g->rule->summary,
                        g->message,
                        g->rule->explain + strspn(g->rule->explain, "\n"));
    if (rc == 0)
        rc = ADD_LIT(&sb, "{\"contents\":{\"kind\":\"markdown\","
                           "\"value\":") < 0
             || lsp_json_add_string(&sb, md.items, md.n) < 0
             || ADD_LIT(&sb, "},\"range\":") < 0
             || add_range(&sb, bl_doc_position(d->doc, g->begin, s->enc),
                          bl_doc_position(d->doc, g->end, s->enc)) < 0
             || ADD_LIT(&sb, "}") < 0 ? -1 : 0;
    if (rc == 0)
        rc = send_result(s, j, id, sb.items, sb.n);
    free(md.items);
    free(sb.items);
    return rc;
}

static const struct {
    const char *method;
    handler_fn fn;
    int is_request;
} handlers[] = {
    {"initialize", on_initialize, 1},
    {"shutdown", on_shutdown, 1},
    {"textDocument/diagnostic", on_diagnostic, 1},
    {"textDocument/codeAction", on_code_action, 1},
    {"textDocument/hover", on_hover, 1},
    {"textDocument/didOpen", on_did_open, 0},
    {"textDocument/didChange", on_did_change, 0},
    {"textDocument/didClose", on_did_close, 0},
    {"textDocument/didSave", on_did_save, 0},
    {"workspace/didChangeConfiguration", on_did_change_configuration, 0},
    {"workspace/executeCommand", on_execute_command, 1},
    {"workspace/didChangeWatchedFiles", on_did_change_watched_files, 0},
    {NULL, NULL, 0}
};

/* --- The message loop ---------------------------------------------------- */

/* Handles one message.  Returns -1 to stop serving (fatal), 0 to go on,
 * or 1 when the client sent exit. */
static int
handle(server *s, lsp_json *j, const char *body, size_t len, int cancelled)
{
    int rc = lsp_json_parse(j, body, len), id, method, params, k;

    if (rc == -2)
        return -1;
    if (rc < 0) {
        logf_("a message that is not JSON (%zu bytes)", len);
        return send_error(s, j, -1, ERR_PARSE, "Parse error: the message "
                          "is not well-formed JSON") < 0 ? -1 : 0;
    }
    id = lsp_json_get(j, 0, "id");
    method = lsp_json_get(j, 0, "method");
    params = lsp_json_get(j, 0, "params");
    /* "params": null is how some clients spell a method without params
     * (shutdown, exit): the same as none. */
    if (params >= 0 && lsp_json_is_null(j, params))
        params = -1;
    if (id >= 0 && !lsp_json_is_string(j, id)) {
        long v;
        if (lsp_json_long(j, id, &v) < 0)
            id = -2;    /* null, an object, 1.5: not an id we can echo */
    }
    if (!lsp_json_is_object(j, 0)
        || !lsp_json_streq(j, lsp_json_get(j, 0, "jsonrpc"), "2.0")
        || (method >= 0 && !lsp_json_is_string(j, method)) || id == -2
        || (method < 0 && id < 0)) {
        return send_error(s, j, id >= 0 ? id : -1, ERR_INVALID_REQUEST,
                          "Invalid request: not a JSON-RPC 2.0 request or "
                          "notification") < 0 ? -1 : 0;
    }
    if (method < 0)
        return 0;   /* a response to something we never ask: ignore */
    if (lsp_json_streq(j, method, "exit"))
        return 1;
    if (id >= 0 && cancelled)
        return send_error(s, j, id, ERR_CANCELLED, "Request cancelled") < 0
               ? -1 : 0;
    if (id >= 0 && !s->initialized
        && !lsp_json_streq(j, method, "initialize"))
        return send_error(s, j, id, ERR_NOT_INITIALIZED,
                          "The server is not initialized") < 0 ? -1 : 0;
    if (id >= 0 && s->shutdown)
        return send_error(s, j, id, ERR_INVALID_REQUEST,
                          "The server is shutting down") < 0 ? -1 : 0;
    if (id < 0 && !s->initialized)
        return 0;   /* notifications before initialize are dropped */
    for (k = 0; handlers[k].method != NULL; k++) {
        if (!lsp_json_streq(j, method, handlers[k].method))
            continue;
        if (handlers[k].is_request != (id >= 0)) {
            if (id >= 0)
                return send_error(s, j, id, ERR_INVALID_REQUEST,
                                  "That method is a notification") < 0
                       ? -1 : 0;
            return 0;
        }
        if (params >= 0 && !lsp_json_is_object(j, params)
            && !lsp_json_is_array(j, params)) {
            return id >= 0 ? (send_error(s, j, id, ERR_INVALID_PARAMS,
                                         "params must be an object") < 0
                              ? -1 : 0)
                           : 0;
        }
        return handlers[k].fn(s, j, id, params) < 0 ? -1 : 0;
    }
    if (id >= 0)
        return send_error(s, j, id, ERR_METHOD_NOT_FOUND,
                          "Method not found") < 0 ? -1 : 0;
    return 0;   /* unknown notifications and $/ messages */
}

/* Takes every message that is already buffered into the queue, marking
 * requests a queued $/cancelRequest names. */
static int
take_waiting(server *s, lsp_json *j)
{
    while (lsp_has_buffered_message(&s->in)) {
        const char *body;
        size_t len;
        queued q;
        lsp_frame f = lsp_read(&s->in, &body, &len);
        if (f != LSP_FRAME_BODY)
            break;      /* the loop reports it when it reads it again */
        if (lsp_json_parse(j, body, len) == 0
            && lsp_json_streq(j, lsp_json_get(j, 0, "method"),
                              "$/cancelRequest")) {
            int cid = lsp_json_path(j, 0, "params", "id", NULL);
            size_t i, cn, qn;
            const char *craw = cid >= 0 ? lsp_json_raw(j, cid, &cn) : NULL;
            for (i = 0; craw != NULL && i < s->queue.n; i++) {
                lsp_json qj = {NULL, 0, NULL, 0, 0};
                int qid;
                if (lsp_json_parse(&qj, s->queue.items[i].body,
                                   s->queue.items[i].len) == 0
                    && (qid = lsp_json_get(&qj, 0, "id")) >= 0) {
                    const char *qraw = lsp_json_raw(&qj, qid, &qn);
                    if (qn == cn && memcmp(qraw, craw, cn) == 0
                        && lsp_json_is_string(&qj, qid)
                           == lsp_json_is_string(j, cid))
                        s->queue.items[i].cancelled = 1;
                }
                lsp_json_free(&qj);
            }
        }
        q.body = malloc(len ? len : 1);
        q.len = len;
        q.cancelled = 0;
        if (q.body == NULL)
            return -1;
        memcpy(q.body, body, len);
        if (BL_VEC_PUSH(&s->queue, q) < 0) {
            free(q.body);
            return -1;
        }
    }
    return 0;
}

int
lsp_serve(int in, int out)
{
    server s;
    lsp_json j = {NULL, 0, NULL, 0, 0};
    char err[512];
    int status = -1;
    size_t i;

    memset(&s, 0, sizeof s);
    s.out = out;
    s.enc = BL_ENC_UTF16;
    lsp_reader_init(&s.in, in);
    if (bl_rules_load_default(&s.rules, err, sizeof err) < 0) {
        logf_("%s", err);
        return 2;
    }
    bl_rules_prepare(s.rules);
    while (status < 0) {
        const char *body;
        size_t len;
        int rc;
        queued q;
        if (s.queue.n == 0) {
            lsp_frame f = lsp_read(&s.in, &body, &len);
            if (f == LSP_FRAME_EOF || f == LSP_FRAME_ERROR) {
                if (f == LSP_FRAME_ERROR)
                    logf_("cannot read from the client");
                status = s.shutdown ? 0 : 1;
                break;
            }
            if (f == LSP_FRAME_BAD_HEADER) {
                logf_("skipped a header without a valid Content-Length");
                continue;
            }
            if (f == LSP_FRAME_OVERSIZED) {
                logf_("dropped a message over %u bytes", LSP_MAX_BODY);
                if (send_error(&s, &j, -1, ERR_INVALID_REQUEST,
                               "Message too large") < 0)
                    status = 1;
                continue;
            }
            q.body = malloc(len ? len : 1);
            q.len = len;
            q.cancelled = 0;
            if (q.body == NULL || BL_VEC_PUSH(&s.queue, q) < 0) {
                free(q.body);
                logf_("out of memory");
                status = 1;
                break;
            }
            memcpy(q.body, body, len);
            if (take_waiting(&s, &j) < 0) {
                logf_("out of memory");
                status = 1;
                break;
            }
        }
        rc = handle(&s, &j, s.queue.items[0].body, s.queue.items[0].len,
                    s.queue.items[0].cancelled);
        free(s.queue.items[0].body);
        memmove(s.queue.items, s.queue.items + 1,
                (s.queue.n - 1) * sizeof *s.queue.items);
        s.queue.n--;
        if (rc == 1)
            status = s.shutdown ? 0 : 1;
        else if (rc < 0) {
            logf_("stopping: out of memory or the client is gone");
            status = 1;
        }
    }
    for (i = 0; i < s.queue.n; i++)
        free(s.queue.items[i].body);
    BL_VEC_FREE(&s.queue);
    for (i = 0; i < s.docs.n; i++)
        doc_free(&s.docs.items[i]);
    BL_VEC_FREE(&s.docs);
    lsp_json_free(&j);
    lsp_reader_free(&s.in);
    bl_rules_free(s.rules);
    configs_free(&s);
    free(s.said_error);
    free(s.settings_json);
    free(s.docs_uri);
    return status;
}
