/*
 * main.c: the blamelint command line.
 *
 *   blamelint check [options] PATH...    lint files and directories
 *   blamelint rules [--profile NAME]     list the rules (of a profile)
 *   blamelint profiles                   list the kinds of document
 *   blamelint explain [--rules DIR] RULE explain one rule
 *   blamelint new TEMPLATE               print a template (new.c)
 *
 * Exit status of check: 0 nothing at or above --fail-on, 1 something was,
 * 2 a usage error or a file that could not be read (the others are still
 * checked and reported).
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../blamelint.h"
#include "../engine/vec.h"
#include "atomic.h"
#include "changed.h"
#include "config.h"
#include "files.h"
#include "fix.h"
#include "format.h"
#include "../lsp/server.h"
#include "new.h"
#include "prefetch.h"

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

static const char usage_main[] =
    "Usage: blamelint COMMAND [OPTIONS]\n"
    "\n"
    "Finds blame-oriented language in Markdown postmortems.\n"
    "\n"
    "Commands:\n"
    "  check PATH...     lint files, or directories (searched for *.md)\n"
    "  rules             list every rule with its severity and summary\n"
    "  profiles          list the kinds of document blamelint checks\n"
    "  explain RULE      explain a rule: why it matters, what to write\n"
    "  lsp               run the Language Server on stdin/stdout\n"
    "  new TEMPLATE      print a template to start from (new --list)\n"
    "  config FILE       the configuration in effect for FILE, and where\n"
    "                    each value comes from\n"
    "\n"
    "Options:\n"
    "  -h, --help        this help; COMMAND --help for a command's\n"
    "  -V, --version     print the version\n";

static const char usage_check[] =
    "Usage: blamelint check [OPTIONS] PATH...\n"
    "\n"
    "Lints Markdown files.  A directory is searched recursively for *.md and\n"
    "*.markdown files; - reads standard input.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT          report format: text (default), json, sarif,\n"
    "                           github, checkstyle or junit\n"
    "  --output FILE            write the report to FILE (replaced when the\n"
    "                           check ends) and the text report to stdout\n"
    "  --fix                    apply the fixes rules mark safe, in place,\n"
    "                           then report what is left\n"
    "  --fix-dry-run            print those fixes as a unified diff instead\n"
    "  --config FILE            use FILE, not the .blamelint.toml found\n"
    "                           from each file's directory upwards\n"
    "  --no-config              use no configuration file\n"
    "  --changed-since REV      report only findings on lines added or\n"
    "                           changed since git revision REV; files the\n"
    "                           diff does not touch are skipped\n"
    "  --fail-on LEVEL          exit 1 when a finding is at or above LEVEL:\n"
    "                           error, warning (default), info, or never\n"
    "  --color auto|always|never  colour the text report (default auto: on a\n"
    "                           terminal, unless NO_COLOR is set)\n"
    "  -q, --quiet              text: findings only, no excerpts or summary\n"
    "  --profile NAME           check every file as this kind of document\n"
    "                           ('blamelint profiles' lists them), whatever\n"
    "                           its front matter or the config says\n"
    "  --rules DIR              use the *.rules files in DIR instead of the\n"
    "                           built-in rules\n"
    "  --rule RULE=LEVEL        set a rule, a family (section/*) or all (*)\n"
    "                           to off, on, info, warning or error\n"
    "  --set KEY=VALUE          change a setting ('blamelint rules' lists\n"
    "                           them), e.g. --set whys.min=3\n"
    "  --stdin-filename NAME    the path to report for -\n"
    "  -h, --help               this help\n"
    "\n"
    "Exit status: 0 no findings at or above --fail-on, 1 some, 2 usage error\n"
    "or a file that could not be read.\n";

static const char usage_rules[] =
    "Usage: blamelint rules [--rules DIR] [--profile NAME]\n"
    "\n"
    "Lists every rule (id, default severity, summary), then the settings\n"
    "(key, default, meaning).  With --profile, only the rules that check\n"
    "that kind of document, and their settings.\n";

static const char usage_profiles[] =
    "Usage: blamelint profiles [--rules DIR]\n"
    "\n"
    "Lists the kinds of document blamelint checks (name, summary).  A file\n"
    "is checked as the one 'check --profile NAME' names, else as its front\n"
    "matter says (blamelint: NAME), else as .blamelint.toml's [profiles]\n"
    "says, else as a postmortem.\n";

static const char usage_lsp[] =
    "Usage: blamelint lsp [--stdio]\n"
    "\n"
    "Runs the Language Server (LSP 3.17) over standard input and output, for\n"
    "editors: live diagnostics, quick fixes and hover.  --stdio is accepted\n"
    "and changes nothing (stdio is the only transport).\n";

static const char usage_explain[] =
    "Usage: blamelint explain [--rules DIR] RULE\n"
    "\n"
    "Prints a rule's explanation: why it matters and how to rewrite.\n";

static int
usage_error(const char *usage, const char *fmt, const char *arg)
{
    fputs("blamelint: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fprintf(stderr, "%.*s", (int)strcspn(usage, "\n"), usage);
    fputs("\nTry 'blamelint COMMAND --help'.\n", stderr);
    return EXIT_TROUBLE;
}

static bl_rules *
load_rules(const char *dir)
{
    bl_rules *rules;
    char err[1024];
    int rc = dir ? bl_rules_load_dir(dir, &rules, err, sizeof err)
                 : bl_rules_load_default(&rules, err, sizeof err);

    if (rc < 0) {
        fprintf(stderr, "blamelint: %s\n", err);
        return NULL;
    }
    return rules;
}

/* --- check --------------------------------------------------------------- */

typedef struct arg_list {
    const char **items;
    size_t n, alloc;
} arg_list;

typedef struct check_opts {
    const cli_format *format;
    int fail_on;            /* severity, or BL_SEV_ERROR + 1 for never */
    const char *color;
    int quiet;
    const char *rules_dir;
    const char *stdin_name;
    const char *output;     /* --output FILE, or NULL */
    const char *changed_since;  /* --changed-since REV, or NULL */
    const char *config_path;    /* --config FILE */
    int no_config;              /* --no-config */
    const char *profile;        /* --profile NAME, or NULL */
    enum { FIX_NONE, FIX_WRITE, FIX_DRY_RUN } fix;
    cli_changed *changed;       /* its diff, once loaded */
    /* --rule and --set arguments, applied in order once rules load */
    arg_list rule_args, set_args;
} check_opts;

/* Applies --rule RULE=LEVEL and --set KEY=VALUE; on a bad one, says why
 * and returns -1. */
static int
apply_overrides(bl_rules *rules, const check_opts *opt)
{
    size_t i;
    char err[256], key[128];

    for (i = 0; i < opt->rule_args.n; i++) {
        const char *a = opt->rule_args.items[i], *eq = strrchr(a, '=');
        int sev;
        size_t kn = eq ? (size_t)(eq - a) : 0;
        if (eq == NULL || kn == 0 || kn >= sizeof key) {
            fprintf(stderr, "blamelint: --rule takes RULE=LEVEL, not '%s'\n",
                    a);
            return -1;
        }
        memcpy(key, a, kn);
        key[kn] = '\0';
        sev = strcmp(eq + 1, "on") == 0 ? BL_SEV_ON : bl_severity_parse(eq + 1);
        if (sev == -1 && strcmp(eq + 1, "on") != 0) {
            fprintf(stderr, "blamelint: --rule %s: the level is off, on, "
                    "info, warning or error, not '%s'\n", key, eq + 1);
            return -1;
        }
        if (bl_rules_set_severity(rules, key, sev) == 0) {
            fprintf(stderr, "blamelint: --rule %s: no such rule or family; "
                    "'blamelint rules' lists them\n", key);
            return -1;
        }
    }
    for (i = 0; i < opt->set_args.n; i++) {
        const char *a = opt->set_args.items[i], *eq = strchr(a, '=');
        size_t kn = eq ? (size_t)(eq - a) : 0;
        if (eq == NULL || kn == 0 || kn >= sizeof key) {
            fprintf(stderr, "blamelint: --set takes KEY=VALUE, not '%s'\n", a);
            return -1;
        }
        memcpy(key, a, kn);
        key[kn] = '\0';
        if (bl_rules_set(rules, key, eq + 1, err, sizeof err) < 0) {
            fprintf(stderr, "blamelint: --set: %s\n", err);
            return -1;
        }
    }
    return 0;
}

static int
push_arg(arg_list *v, const char *arg)
{
    if (v->n == v->alloc) {
        size_t na = v->alloc ? v->alloc * 2 : 8;
        const char **items = realloc(v->items, na * sizeof *items);
        if (items == NULL)
            return -1;
        v->items = items;
        v->alloc = na;
    }
    v->items[v->n++] = arg;
    return 0;
}

static int
want_color(const char *mode)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

    if (strcmp(mode, "always") == 0)
        return 1;
    if (strcmp(mode, "never") == 0)
        return 0;
    return isatty(STDOUT_FILENO) && (no == NULL || no[0] == '\0')
           && !(term != NULL && strcmp(term, "dumb") == 0);
}

/* --- Rule sets per file -------------------------------------------------- */

/* The rule sets files are checked with: the built-in (or --rules) rules,
 * then a config file's settings for the file, then --rule and --set.
 * Files with the same config file and the same [paths] sections share a
 * set. */
typedef struct rule_set {
    const cli_config *config;   /* NULL: none */
    unsigned long long mask;
    bl_rules *rules;
} rule_set;

typedef struct rule_sets {
    struct { rule_set *items; size_t n, alloc; } sets;
    struct { cli_config **items; size_t n, alloc; } configs;
    /* The rules as loaded, with --rule and --set: for the files no config
     * file applies to, and to check config files against. */
    bl_rules *base;
    const check_opts *opt;
} rule_sets;

static void
rule_sets_free(rule_sets *rs)
{
    size_t i;

    for (i = 0; i < rs->sets.n; i++)
        bl_rules_free(rs->sets.items[i].rules);
    for (i = 0; i < rs->configs.n; i++)
        cli_config_free(rs->configs.items[i]);
    bl_rules_free(rs->base);
    BL_VEC_FREE(&rs->sets);
    BL_VEC_FREE(&rs->configs);
}

/* rs->base, loaded on first use; NULL after saying why on stderr. */
static bl_rules *
base_rules(rule_sets *rs)
{
    if (rs->base == NULL && (rs->base = load_rules(rs->opt->rules_dir)) != NULL
        && apply_overrides(rs->base, rs->opt) < 0) {
        bl_rules_free(rs->base);
        rs->base = NULL;
    }
    return rs->base;
}

/* The config file for path (loaded once per file); *p_cfg NULL when none.
 * -1 after saying why on stderr. */
static int
config_for(rule_sets *rs, const char *path, const cli_config **p_cfg)
{
    const check_opts *opt = rs->opt;
    char *found, err[1024];
    cli_config *c;
    size_t i;

    *p_cfg = NULL;
    if (opt->no_config)
        return 0;
    found = opt->config_path != NULL
            ? bl_strndup(opt->config_path, strlen(opt->config_path))
            : cli_config_find(strcmp(path, "-") != 0 ? path
                              : opt->stdin_name ? opt->stdin_name : ".");
    if (found == NULL)
        return 0;
    for (i = 0; i < rs->configs.n; i++) {
        if (strcmp(rs->configs.items[i]->path, found) == 0) {
            *p_cfg = rs->configs.items[i];
            free(found);
            return 0;
        }
    }
    /* A config names the rules of --rules DIR when it is given. */
    if (base_rules(rs) == NULL) {
        free(found);
        return -1;
    }
    c = cli_config_load(found, rs->base, err, sizeof err);
    free(found);
    if (c == NULL) {
        fprintf(stderr, "blamelint: %s\n", err);
        return -1;
    }
    if (BL_VEC_PUSH(&rs->configs, c) < 0) {
        cli_config_free(c);
        fputs("blamelint: out of memory\n", stderr);
        return -1;
    }
    *p_cfg = c;
    return 0;
}

/* The path a file is configured as: standard input as it is named. */
static const char *
config_name(const check_opts *opt, const char *path)
{
    if (strcmp(path, "-") != 0)
        return path;
    return opt->stdin_name ? opt->stdin_name : ".";
}

/* The rules for path, or NULL after saying why on stderr. */
static bl_rules *
rules_for(rule_sets *rs, const char *path, const cli_config **p_cfg)
{
    const cli_config *cfg;
    unsigned long long mask = 0;
    rule_set set;
    size_t i;
    char err[512];

    if (config_for(rs, path, &cfg) < 0)
        return NULL;
    *p_cfg = cfg;
    if (cfg == NULL)
        return base_rules(rs);
    path = config_name(rs->opt, path);
    mask = cli_config_mask(cfg, path);
    for (i = 0; i < rs->sets.n; i++)
        if (rs->sets.items[i].config == cfg && rs->sets.items[i].mask == mask)
            return rs->sets.items[i].rules;
    set.config = cfg;
    set.mask = mask;
    if ((set.rules = load_rules(rs->opt->rules_dir)) == NULL)
        return NULL;
    if (cli_config_apply(cfg, path, set.rules, &mask, err, sizeof err) < 0) {
        fprintf(stderr, "blamelint: %s: %s\n", cfg->path, err);
        bl_rules_free(set.rules);
        return NULL;
    }
    if (apply_overrides(set.rules, rs->opt) < 0
        || BL_VEC_PUSH(&rs->sets, set) < 0) {
        bl_rules_free(set.rules);
        return NULL;
    }
    return set.rules;
}

/* Drops the findings that do not start on a line the diff added or
 * changed. */
static void
keep_changed(const cli_changed *c, long k, const bl_doc *doc, bl_diags *d)
{
    size_t i, kept = 0;

    for (i = 0; i < d->n; i++) {
        bl_pos p = bl_doc_position(doc, d->items[i].begin, BL_ENC_UTF8);
        if (cli_changed_line(c, k, p.line + 1)) {
            d->items[kept++] = d->items[i];
            continue;
        }
        free(d->items[i].message);
        free(d->items[i].fix);
    }
    d->n = kept;
}

/* Says why a rule could not run (a missing dictionary), once for a run of
 * files that all miss the same: *said keeps the last message said. */
static void
say_data_error(const bl_rules *rules, char **said)
{
    const char *why = bl_rules_error(rules);

    if (*said != NULL && strcmp(*said, why) == 0)
        return;
    fprintf(stderr, "blamelint: %s\n", why);
    free(*said);
    *said = bl_strndup(why, strlen(why));
}

/* Lints doc into diags as the kind of document --profile, its front
 * matter or the config says it is.  A rule that could not run for want of
 * its data (a dictionary) is said on stderr and marks *p_missing; the
 * other findings stand.  0; -1 when out of memory; -2 when that names no
 * profile, said on stderr: the findings for another kind of document
 * would only mislead, so the file goes unreported. */
static int
lint_file(const bl_rules *rules, const bl_doc *doc, const bl_lint_opts *lo,
          const char *shown, bl_diags *diags, char **said, int *p_missing)
{
    char err[256];
    int rc = bl_lint_with(rules, doc, lo, diags);

    if (rc == BL_EPROFILE) {
        bl_lint_profile(rules, doc, lo, NULL, err, sizeof err);
        fprintf(stderr, "blamelint: %s: %s\n", shown, err);
        return -2;
    }
    if (rc == BL_EDATA) {
        say_data_error(rules, said);
        *p_missing = 1;
        return 0;
    }
    return rc < 0 ? -1 : 0;
}

/* Lints one file, loaded into *ld (its document is taken), into the
 * report, and says on stderr what went wrong loading it; changed is its
 * --changed-since entry, or -1 for all its lines.  Returns 0, or -1 if it
 * was unreadable, named no profile, or a rule could not run on it (its
 * other findings are reported). */
static int
check_one(const bl_rules *rules, const char *path, long changed,
          cli_loaded *ld, const bl_lint_opts *lo, const check_opts *opt,
          cli_out *out, cli_summary *sum, int *p_failed, char **said)
{
    const char *shown = path;
    size_t len, i;
    bl_doc *doc;
    bl_diags diags = {NULL, 0, 0};
    int rc, missing = 0;

    if (strcmp(path, "-") == 0)
        shown = opt->stdin_name ? opt->stdin_name : "<stdin>";
    if (ld->status == CLI_UNREADABLE) {
        fprintf(stderr, "blamelint: %s: %s\n", shown, ld->why);
        return -1;
    }
    if (ld->status == CLI_BINARY) {
        fprintf(stderr, "blamelint: %s: binary file (it holds NUL bytes), "
                "not checked\n", shown);
        return -1;
    }
    doc = ld->doc;
    ld->doc = NULL;
    if (doc == NULL
        || (rc = lint_file(rules, doc, lo, shown, &diags, said, &missing))
               == -1)
        goto oom;
    if (rc < 0)
        goto no_profile;
    if (changed >= 0)
        keep_changed(opt->changed, changed, doc, &diags);
    if (opt->fix != FIX_NONE) {
        char *fixed;
        size_t flen;
        const char *src = bl_doc_source(doc, &len);
        int n = cli_fix_apply(src, len, &diags, &fixed, &flen);
        if (n < 0)
            goto oom;
        if (n > 0 && opt->fix == FIX_DRY_RUN)
            cli_fix_diff(stdout, shown, src, len, fixed, flen);
        if (n > 0 && opt->fix == FIX_WRITE
            && cli_fix_write(path, fixed, flen) < 0) {
            fprintf(stderr, "blamelint: %s: cannot write the fixes: %s\n",
                    shown, strerror(errno));
            free(fixed);
            bl_diags_free(&diags);
            bl_doc_free(doc);
            return -1;
        }
        if (n > 0) {
            /* Report what the fixed text still has. */
            bl_diags_free(&diags);
            memset(&diags, 0, sizeof diags);
            bl_doc_free(doc);
            doc = bl_doc_parse(fixed, flen);
            free(fixed);
            if (doc == NULL
                || (rc = lint_file(rules, doc, lo, shown, &diags, said,
                                   &missing)) == -1)
                goto oom;
            if (rc < 0)
                goto no_profile;
            if (changed >= 0)
                keep_changed(opt->changed, changed, doc, &diags);
        }
    }
    sum->files++;
    for (i = 0; i < diags.n; i++) {
        bl_severity s = diags.items[i].severity;
        if (s == BL_SEV_ERROR)
            sum->errors++;
        else if (s == BL_SEV_WARNING)
            sum->warnings++;
        else
            sum->infos++;
        if ((int)s >= opt->fail_on)
            *p_failed = 1;
    }
    if (opt->fix != FIX_DRY_RUN)    /* a dry run shows only the diff */
        opt->format->file(out, shown, doc, &diags);
    if (opt->output != NULL)    /* and the text report, for the terminal */
        cli_text_file(out + 1, shown, doc, &diags);
    bl_diags_free(&diags);
    bl_doc_free(doc);
    return missing ? -1 : 0;
no_profile:
    bl_diags_free(&diags);
    bl_doc_free(doc);
    return -1;
oom:
    fprintf(stderr, "blamelint: %s: out of memory\n", shown);
    bl_diags_free(&diags);
    bl_doc_free(doc);
    return -1;
}

static int
cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"fail-on", required_argument, NULL, 'F'},
        {"color", required_argument, NULL, 'c'},
        {"colour", required_argument, NULL, 'c'},
        {"quiet", no_argument, NULL, 'q'},
        {"rules", required_argument, NULL, 'r'},
        {"stdin-filename", required_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"changed-since", required_argument, NULL, 'C'},
        {"fix", no_argument, NULL, 'x'},
        {"config", required_argument, NULL, 'g'},
        {"no-config", no_argument, NULL, 'G'},
        {"fix-dry-run", no_argument, NULL, 'X'},
        {"rule", required_argument, NULL, 'R'},
        {"set", required_argument, NULL, 'S'},
        {"profile", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    check_opts opt;
    cli_paths paths = {NULL, 0, 0};
    cli_summary sum = {0, 0, 0, 0};
    cli_out out[2];         /* the report; with --output, the terminal's */
    rule_sets sets = {{NULL, 0, 0}, {NULL, 0, 0}, NULL, NULL};
    struct { size_t *items; size_t n, alloc; } walked = {NULL, 0, 0};
    /* Per path, the rules and config the first pass found: finding a
     * config walks the directories up from the file, once is enough. */
    struct path_rules { bl_rules *rules; const cli_config *cfg; } *found = NULL;
    /* The files checked, in order: an index into paths, and the file's
     * --changed-since entry (-1: every line counts). */
    struct check_job { size_t path; long changed; } *jobs = NULL;
    size_t n_jobs = 0, j, w;
    const char **ahead = NULL;  /* the jobs' paths the worker reads */
    int stdin_job = 0;      /* "-" is among the files checked */
    cli_prefetch *prefetch = NULL;
    /* --output FILE is written beside FILE and renamed over it at the
     * end, so an interrupted check never leaves half a report where CI
     * looks for one. */
    cli_atomic report;
    char *said = NULL;      /* the last rule error said (say_data_error) */
    int c, i, rc, trouble = 0, failed = 0, stdin_seen = 0;
    size_t k;

    /* Each file's model is freed before the next one's is built.  By
     * default glibc then hands the freed top of the heap back to the
     * kernel, only to fault the same pages in again for the next file.
     * A check is short-lived: it keeps up to 64 MB of freed heap, which
     * took 12 % off the CPU time of a check of the bench corpus
     * (README, Performance). */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    memset(&opt, 0, sizeof opt);
    opt.format = cli_format_find("text");
    opt.fail_on = BL_SEV_WARNING;
    opt.color = "auto";
    optind = 1;
    while ((c = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if ((opt.format = cli_format_find(optarg)) == NULL) {
                rc = usage_error(usage_check, "unknown format '%s' (text, "
                                 "json, sarif, github, checkstyle or junit)",
                                 optarg);
                goto done;
            }
            break;
        case 'F':
            if (strcmp(optarg, "never") == 0)
                opt.fail_on = BL_SEV_ERROR + 1;
            else if ((opt.fail_on = bl_severity_parse(optarg)) <= 0) {
                rc = usage_error(usage_check, "--fail-on takes error, "
                                 "warning, info or never, not '%s'", optarg);
                goto done;
            }
            break;
        case 'c':
            if (strcmp(optarg, "auto") && strcmp(optarg, "always")
                && strcmp(optarg, "never")) {
                rc = usage_error(usage_check, "--color takes auto, always "
                                 "or never, not '%s'", optarg);
                goto done;
            }
            opt.color = optarg;
            break;
        case 'q': opt.quiet = 1; break;
        case 'r': opt.rules_dir = optarg; break;
        case 's': opt.stdin_name = optarg; break;
        case 'o': opt.output = optarg; break;
        case 'C': opt.changed_since = optarg; break;
        case 'g': opt.config_path = optarg; break;
        case 'G': opt.no_config = 1; break;
        case 'P': opt.profile = optarg; break;
        case 'x': case 'X':
            if (opt.fix != FIX_NONE) {
                rc = usage_error(usage_check, "%s", "--fix and --fix-dry-run "
                                 "are given once, and not together");
                goto done;
            }
            opt.fix = c == 'x' ? FIX_WRITE : FIX_DRY_RUN;
            break;
        case 'R':
        case 'S':
            if (push_arg(c == 'R' ? &opt.rule_args : &opt.set_args,
                         optarg) < 0) {
                fputs("blamelint: out of memory\n", stderr);
                rc = EXIT_TROUBLE;
                goto done;
            }
            break;
        case 'h':
            fputs(usage_check, stdout);
            rc = 0;
            goto done;
        default:
            rc = usage_error(usage_check, "%s", "bad option");
            goto done;
        }
    }
    if (optind >= argc) {
        rc = usage_error(usage_check, "%s", "no PATH to check");
        goto done;
    }
    if (opt.fix == FIX_DRY_RUN && opt.output != NULL) {
        rc = usage_error(usage_check, "%s", "--fix-dry-run prints a diff, "
                         "not a report: it takes no --output");
        goto done;
    }
    for (i = optind; opt.fix == FIX_WRITE && i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            rc = usage_error(usage_check, "%s", "--fix rewrites files in "
                             "place: it cannot fix standard input (use "
                             "--fix-dry-run)");
            goto done;
        }
    }
    /* The rules load now so that a bad --rule, --set or --profile is a
     * usage error before any file is read; they are kept for the files no
     * config file applies to. */
    sets.opt = &opt;
    if (base_rules(&sets) == NULL) {
        rc = EXIT_TROUBLE;
        goto done;
    }
    if (opt.profile != NULL
        && bl_rules_profile_find(sets.base, opt.profile) == NULL) {
        fprintf(stderr, "blamelint: --profile %.128s: no such profile; "
                "'blamelint profiles' lists them\n", opt.profile);
        rc = EXIT_TROUBLE;
        goto done;
    }
    for (i = optind; i < argc; i++) {
        struct stat st;
        size_t before = paths.n;
        if (strcmp(argv[i], "-") == 0 && stdin_seen++) {
            continue;   /* standard input can be read only once */
        }
        rc = cli_collect(argv[i], &paths);
        if (rc < 0)
            fprintf(stderr, "blamelint: %s: %s\n", argv[i], strerror(errno));
        if (rc != 0)
            trouble = 1;
        /* Files found in a directory are checked only when the config
         * calls them postmortems; a file named is always checked. */
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            for (k = before; k < paths.n; k++)
                if (BL_VEC_PUSH(&walked, k) < 0) {
                    fputs("blamelint: out of memory\n", stderr);
                    rc = EXIT_TROUBLE;
                    goto done;
                }
    }
    memset(out, 0, sizeof out);
    if (opt.changed_since != NULL) {
        char err[512];
        if ((opt.changed = cli_changed_load(opt.changed_since, err,
                                            sizeof err)) == NULL) {
            fprintf(stderr, "blamelint: --changed-since %s: %s\n",
                    opt.changed_since, err);
            cli_paths_free(&paths);
            rc = EXIT_TROUBLE;
            goto done;
        }
    }
    out[0].fp = stdout;
    out[0].color = opt.format == cli_format_find("text")
                   && want_color(opt.color);
    out[0].quiet = opt.quiet;
    out[0].fail_on = opt.fail_on;
    if (opt.output != NULL) {
        out[1] = out[0];
        out[1].color = want_color(opt.color);
        out[0].color = 0;
        if (cli_atomic_open(&report, opt.output, CLI_ATOMIC_ANY) < 0) {
            fprintf(stderr, "blamelint: %s: %s\n", opt.output,
                    strerror(errno));
            cli_paths_free(&paths);
            rc = EXIT_TROUBLE;
            goto done;
        }
        out[0].fp = report.fp;
    }
    /* Every file's configuration first: a broken one stops the check
     * before any report is written. */
    if (paths.n > 0 && ((found = calloc(paths.n, sizeof *found)) == NULL
                        || (jobs = calloc(paths.n, sizeof *jobs)) == NULL)) {
        fputs("blamelint: out of memory\n", stderr);
        if (opt.output != NULL)
            cli_atomic_abort(&report);
        cli_paths_free(&paths);
        rc = EXIT_TROUBLE;
        goto done;
    }
    for (k = 0; k < paths.n; k++) {
        if ((found[k].rules = rules_for(&sets, paths.items[k], &found[k].cfg))
            == NULL) {
            if (opt.output != NULL)     /* no report for a broken config */
                cli_atomic_abort(&report);
            cli_paths_free(&paths);
            rc = EXIT_TROUBLE;
            goto done;
        }
    }
    /* The files to check, all decided before the first is read, so that
     * a worker can read and parse them ahead. */
    for (k = 0, w = 0; k < paths.n; k++) {
        int was_walked = w < walked.n && walked.items[w] == k;
        long changed = -1;
        w += was_walked;
        /* Found in a directory: checked when the config lists it, or
         * when --profile says what every file of the run is. */
        if (was_walked && opt.profile == NULL
            && !cli_config_selects(found[k].cfg, paths.items[k]))
            continue;
        if (opt.changed != NULL && strcmp(paths.items[k], "-") != 0
            && (changed = cli_changed_find(opt.changed, paths.items[k])) < 0)
            continue;   /* not in the diff: nothing of it is new */
        stdin_job |= strcmp(paths.items[k], "-") == 0;
        jobs[n_jobs].path = k;
        jobs[n_jobs++].changed = changed;
    }
    /* Two or more files are read ahead on a worker thread.  Not with
     * --fix: it rewrites each file before the next is read, and the same
     * file may come twice (named, and found in a directory, or through a
     * symlink).  Nor with standard input among them: its document would
     * be outside the worker's byte cap, and a path such as /dev/stdin
     * would be read by both threads at once. */
    if (n_jobs >= 2 && !stdin_job && opt.fix != FIX_WRITE
        && (ahead = malloc(n_jobs * sizeof *ahead)) != NULL) {
        for (j = 0; j < n_jobs; j++)
            ahead[j] = paths.items[jobs[j].path];
        /* NULL (no thread to be had): the loop loads them itself. */
        prefetch = cli_prefetch_start(ahead, n_jobs);
    }
    if (opt.format->begin && opt.fix != FIX_DRY_RUN)
        opt.format->begin(&out[0]);
    for (j = 0; j < n_jobs; j++) {
        const char *path = paths.items[jobs[j].path];
        const cli_config *cfg = found[jobs[j].path].cfg;
        cli_loaded loaded;
        bl_lint_opts lo;
        memset(&lo, 0, sizeof lo);
        lo.profile = opt.profile;
        lo.config_profile = cli_config_profile(cfg, config_name(&opt, path),
                                               NULL);
        if (prefetch != NULL)
            cli_prefetch_next(prefetch, &loaded);
        else
            cli_load(strcmp(path, "-") == 0 ? NULL : path, &loaded);
        if (check_one(found[jobs[j].path].rules, path, jobs[j].changed,
                      &loaded, &lo, &opt, out, &sum, &failed, &said) < 0)
            trouble = 1;
    }
    cli_prefetch_stop(prefetch);
    prefetch = NULL;
    if (opt.fix != FIX_DRY_RUN)
        opt.format->end(&out[0], &sum);
    if (opt.output != NULL) {
        cli_text_end(&out[1], &sum);
        if (cli_atomic_commit(&report) < 0) {
            fprintf(stderr, "blamelint: %s: %s\n", opt.output,
                    strerror(errno));
            trouble = 1;
        }
    }
    fflush(stdout);
    cli_paths_free(&paths);
    rc = trouble ? EXIT_TROUBLE : failed ? EXIT_FINDINGS : 0;
done:
    cli_prefetch_stop(prefetch);    /* before the paths it reads go */
    free(found);
    free(jobs);
    free(ahead);
    free(said);
    rule_sets_free(&sets);
    BL_VEC_FREE(&walked);
    cli_changed_free(opt.changed);
    free(opt.rule_args.items);
    free(opt.set_args.items);
    return rc;
}

/* --- rules, explain ------------------------------------------------------ */

/* --rules DIR, and --profile NAME for a command that takes it (p_profile
 * not NULL).  -1 to go on, else the exit status. */
static int
parse_rules_opt(int argc, char **argv, const char *usage, const char **p_dir,
                const char **p_profile)
{
    static const struct option longopts[] = {
        {"rules", required_argument, NULL, 'r'},
        {"profile", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'r') {
            *p_dir = optarg;
        } else if (c == 'P' && p_profile != NULL) {
            *p_profile = optarg;
        } else if (c == 'h') {
            fputs(usage, stdout);
            return 0;
        } else {
            return usage_error(usage, "%s", "bad option");
        }
    }
    return -1;
}

/* Does a rule of `family` ("whys" for the setting "whys.min") check
 * documents of profile?  A setting belongs to its family's rules. */
static int
family_in_profile(const bl_rules *rules, const char *key,
                  const char *profile)
{
    size_t i, fn = strcspn(key, ".");

    for (i = 0; i < bl_rules_count(rules); i++) {
        const bl_rule_info *r = bl_rules_at(rules, i);
        if (strncmp(r->id, key, fn) == 0 && r->id[fn] == '/'
            && bl_rule_in_profile(r, profile))
            return 1;
    }
    return 0;
}

static int
cmd_rules(int argc, char **argv)
{
    const char *dir = NULL, *profile = NULL;
    bl_rules *rules;
    size_t i, settings = 0;
    int rc = parse_rules_opt(argc, argv, usage_rules, &dir, &profile);

    if (rc >= 0)
        return rc;
    if (optind < argc)
        return usage_error(usage_rules, "unexpected argument '%s'",
                           argv[optind]);
    if ((rules = load_rules(dir)) == NULL)
        return EXIT_TROUBLE;
    if (profile != NULL && bl_rules_profile_find(rules, profile) == NULL) {
        fprintf(stderr, "blamelint: --profile %.128s: no such profile; "
                "'blamelint profiles' lists them\n", profile);
        bl_rules_free(rules);
        return EXIT_TROUBLE;
    }
    for (i = 0; i < bl_rules_count(rules); i++) {
        const bl_rule_info *r = bl_rules_at(rules, i);
        if (profile != NULL && !bl_rule_in_profile(r, profile))
            continue;
        printf("%-28s %-8s %s%s\n", r->id, bl_severity_name(r->on_severity),
               r->severity == BL_SEV_OFF ? "(off by default) " : "",
               r->summary);
    }
    for (i = 0; i < bl_rules_setting_count(rules); i++) {
        const bl_setting_info *s = bl_rules_setting_at(rules, i);
        if (profile != NULL && !family_in_profile(rules, s->key, profile))
            continue;
        if (settings++ == 0)
            printf("\nSettings (change with --set KEY=VALUE):\n");
        printf("%-28s %-8s %s\n", s->key, s->default_value, s->summary);
    }
    bl_rules_free(rules);
    return 0;
}

static int
cmd_profiles(int argc, char **argv)
{
    const char *dir = NULL;
    bl_rules *rules;
    size_t i;
    int rc = parse_rules_opt(argc, argv, usage_profiles, &dir, NULL);

    if (rc >= 0)
        return rc;
    if (optind < argc)
        return usage_error(usage_profiles, "unexpected argument '%s'",
                           argv[optind]);
    if ((rules = load_rules(dir)) == NULL)
        return EXIT_TROUBLE;
    for (i = 0; i < bl_rules_profile_count(rules); i++) {
        const bl_profile_info *p = bl_rules_profile_at(rules, i);
        printf("%-14s %s\n", p->name, p->summary);
    }
    bl_rules_free(rules);
    return 0;
}

static int
cmd_explain(int argc, char **argv)
{
    const char *dir = NULL;
    const bl_rule_info *r;
    bl_rules *rules;
    int rc = parse_rules_opt(argc, argv, usage_explain, &dir, NULL);

    if (rc >= 0)
        return rc;
    if (optind + 1 != argc)
        return usage_error(usage_explain, "%s", "explain takes one RULE");
    if ((rules = load_rules(dir)) == NULL)
        return EXIT_TROUBLE;
    r = bl_rules_find(rules, argv[optind]);
    if (r == NULL) {
        fprintf(stderr, "blamelint: no rule '%s'; 'blamelint rules' lists "
                "them\n", argv[optind]);
        bl_rules_free(rules);
        return EXIT_TROUBLE;
    }
    /* "Explain:" is usually empty on its own line, its text below. */
    printf("%s (%s%s)\n\n%s\n\n%s\n", r->id,
           bl_severity_name(r->on_severity),
           r->severity == BL_SEV_OFF ? ", off by default" : " by default",
           r->summary,
           r->explain + strspn(r->explain, "\n"));
    bl_rules_free(rules);
    return 0;
}

/* --- lsp ----------------------------------------------------------------- */

static int
cmd_lsp(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_lsp, stdout);
            return 0;
        }
        /* VS Code's client appends --stdio; stdio is all we speak. */
        if (strcmp(argv[i], "--stdio") != 0)
            return usage_error(usage_lsp, "unexpected argument '%s'", argv[i]);
    }
    return lsp_serve(STDIN_FILENO, STDOUT_FILENO);
}

/* --- dispatch ------------------------------------------------------------ */

/* A report that could not be written (disk full, closed pipe) must not
 * pass for a clean run. */
static int
flushed(int status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    fprintf(stderr, "blamelint: cannot write the output: %s\n",
            strerror(errno));
    return EXIT_TROUBLE;
}

/* --- config --------------------------------------------------------------- */

static const char usage_config[] =
    "Usage: blamelint config [--config FILE | --no-config] FILE\n"
    "\n"
    "Prints the configuration in effect for FILE: the .blamelint.toml that\n"
    "applies to it, whether a directory's check takes it in, the kind of\n"
    "document it is checked as, and each rule's level and each setting with\n"
    "where it comes from.  Exit status 2 when the configuration file has an\n"
    "error (named with its line), or FILE's front matter names no profile.\n";

/* Does config entry e set rule or setting `name`? */
static int
sets(const cli_config_entry *e, const char *name, int is_rule)
{
    return e->is_rule == is_rule
           && (is_rule ? bl_rule_selects(e->key, strlen(e->key), name)
                       : strcmp(e->key, name) == 0);
}

/* Where the value in effect for rule or setting `name` comes from: the
 * last config line that set it for `path`, or NULL (the default). */
static const cli_config_entry *
source_of(const cli_config *c, const char *path, const char *name,
          int is_rule)
{
    const cli_config_entry *last = NULL;
    unsigned long long mask = c ? cli_config_mask(c, path) : 0;
    const char *glob = NULL;
    size_t i, section = 0;

    /* As cli_config_apply: the tables for every file, then [paths]. */
    for (i = 0; c != NULL && i < c->entries.n; i++)
        if (c->entries.items[i].glob == NULL
            && sets(&c->entries.items[i], name, is_rule))
            last = &c->entries.items[i];
    for (i = 0; c != NULL && i < c->entries.n; i++) {
        const cli_config_entry *e = &c->entries.items[i];
        if (e->glob == NULL)
            continue;
        if (glob == NULL || strcmp(glob, e->glob) != 0) {
            glob = e->glob;
            section++;
        }
        if (section <= 64 && (mask >> (section - 1) & 1)
            && sets(e, name, is_rule))
            last = e;
    }
    return last;
}

/* The "profile" line of `blamelint config`: the kind of document file is
 * checked as, and what says so.  -1 after saying on stderr that its front
 * matter names no profile. */
static int
print_profile(const bl_rules *rules, const cli_config *cfg, const char *file)
{
    const char *from_config;
    const bl_profile_info *p = NULL;
    cli_loaded loaded;
    bl_doc *doc;
    char err[256];
    int chosen = 0, line = 0;

    /* A file not saved yet has no front matter to read. */
    cli_load(file, &loaded);
    doc = loaded.doc;
    if (doc != NULL) {
        p = bl_lint_profile(rules, doc, NULL, &chosen, err, sizeof err);
        bl_doc_free(doc);
        if (p == NULL) {
            printf("profile     none\n");
            fprintf(stderr, "blamelint: %s: %s\n", file, err);
            return -1;
        }
    }
    from_config = cli_config_profile(cfg, file, &line);
    if (chosen)
        printf("profile     %s (its front matter)\n", p->name);
    else if (from_config != NULL)
        printf("profile     %s ([profiles], %s:%d)\n", from_config, cfg->path,
               line);
    else
        printf("profile     %s (the default; front matter or [profiles] "
               "choose another)\n", BL_PROFILE_DEFAULT);
    return 0;
}

static int
cmd_config(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'g'},
        {"no-config", no_argument, NULL, 'G'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    check_opts opt;
    rule_sets sets = {{NULL, 0, 0}, {NULL, 0, 0}, NULL, NULL};
    const cli_config *cfg;
    bl_rules *rules;
    const char *file;
    size_t i;
    int c;

    memset(&opt, 0, sizeof opt);
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'g')
            opt.config_path = optarg;
        else if (c == 'G')
            opt.no_config = 1;
        else if (c == 'h') {
            fputs(usage_config, stdout);
            return 0;
        } else
            return usage_error(usage_config, "%s", "bad option");
    }
    if (optind + 1 != argc)
        return usage_error(usage_config, "%s", "one FILE is needed");
    file = argv[optind];
    sets.opt = &opt;
    if ((rules = rules_for(&sets, file, &cfg)) == NULL) {
        rule_sets_free(&sets);
        return EXIT_TROUBLE;
    }
    printf("file        %s\n", file);
    if (cfg != NULL)
        printf("config      %s\n", cfg->path);
    else
        printf("config      none (%s)\n", opt.no_config ? "--no-config"
               : "no " CLI_CONFIG_NAME " in its directory or above, up to "
                 "the repository's top");
    if (cfg == NULL || cfg->postmortems.n == 0)
        printf("checked     yes, when found in a directory (no postmortems "
               "globs)\n");
    else
        printf("checked     %s when found in a directory (postmortems, "
               "%s:%d)\n", cli_config_selects(cfg, file) ? "yes" : "no",
               cfg->path, cfg->postmortems_line);
    if (print_profile(rules, cfg, file) < 0) {
        rule_sets_free(&sets);
        return EXIT_TROUBLE;
    }
    printf("\n");
    for (i = 0; i < bl_rules_count(rules); i++) {
        const bl_rule_info *r = bl_rules_at(rules, i);
        const cli_config_entry *e = source_of(cfg, file, r->id, 1);
        printf("%-28s %-8s ", r->id, r->severity == BL_SEV_OFF ? "off"
               : bl_severity_name(r->severity));
        if (e != NULL)
            printf("%s:%d\n", cfg->path, e->line);
        else
            printf("default\n");
    }
    printf("\n");
    for (i = 0; i < bl_rules_setting_count(rules); i++) {
        const bl_setting_info *st = bl_rules_setting_at(rules, i);
        const cli_config_entry *e = source_of(cfg, file, st->key, 0);
        printf("%-28s %-8s ", st->key, st->value);
        if (e != NULL)
            printf("%s:%d\n", cfg->path, e->line);
        else
            printf("default\n");
    }
    rule_sets_free(&sets);
    return 0;
}

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
} commands[] = {
    {"config", cmd_config},
    {"check", cmd_check},
    {"rules", cmd_rules},
    {"profiles", cmd_profiles},
    {"explain", cmd_explain},
    {"lsp", cmd_lsp},
    {"new", cli_cmd_new},
    {NULL, NULL}
};

int
main(int argc, char **argv)
{
    int i;

    if (argc < 2)
        return usage_error(usage_main, "%s", "no command given");
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("blamelint %s\n", BL_VERSION);
        return flushed(0);
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0) {
        fputs(usage_main, stdout);
        return flushed(0);
    }
    for (i = 0; commands[i].name != NULL; i++)
        if (strcmp(commands[i].name, argv[1]) == 0)
            return flushed(commands[i].fn(argc - 1, argv + 1));
    return usage_error(usage_main, "unknown command '%s'", argv[1]);
}
