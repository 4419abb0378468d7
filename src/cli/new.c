/*
 * new.c: `blamelint new`, which prints a document template to start from.
 *
 *   blamelint new postmortem > 2025-03-14-checkout-outage.md
 *   blamelint new --list
 *
 * A template is filled in by hand, and `blamelint check` then reports each
 * slot still left (placeholder/unfilled), so the two work as a pair.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "new.h"

#define EXIT_TROUBLE 2

static const char usage_new[] =
    "Usage: blamelint new [--list] TEMPLATE\n"
    "\n"
    "Prints a Markdown template to start a document from, with guidance in\n"
    "HTML comments and a slot ({{...}}, TBD, YYYY-MM-DD) wherever something\n"
    "is to be written; 'blamelint check' lists the slots still unfilled.\n"
    "\n"
    "  blamelint new postmortem > 2025-03-14-checkout-outage.md\n"
    "\n"
    "Options:\n"
    "  -l, --list    list the templates, one name a line\n"
    "  -h, --help    this help\n";

static int
new_usage_error(const char *fmt, const char *arg)
{
    fputs("blamelint: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%.*s\nTry 'blamelint new --help'.\n",
            (int)strcspn(usage_new, "\n"), usage_new);
    return EXIT_TROUBLE;
}

static const cli_template *
find_template(const char *name)
{
    size_t i;

    for (i = 0; i < cli_templates_count; i++)
        if (strcmp(cli_templates[i].name, name) == 0)
            return &cli_templates[i];
    return NULL;
}

int
cli_cmd_new(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"list", no_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const cli_template *t;
    int c, list = 0;
    size_t i;

    optind = 1;
    while ((c = getopt_long(argc, argv, "lh", longopts, NULL)) != -1) {
        if (c == 'l') {
            list = 1;
        } else if (c == 'h') {
            fputs(usage_new, stdout);
            return 0;
        } else {
            return new_usage_error("%s", "bad option");
        }
    }
    if (list) {
        if (optind < argc)
            return new_usage_error("--list takes no TEMPLATE, not '%s'",
                                   argv[optind]);
        for (i = 0; i < cli_templates_count; i++)
            printf("%s\n", cli_templates[i].name);
        return 0;
    }
    if (optind >= argc)
        return new_usage_error("%s", "which template? 'blamelint new --list' "
                               "lists them");
    if (optind + 1 < argc)
        return new_usage_error("new takes one TEMPLATE, not also '%s'",
                               argv[optind + 1]);
    if ((t = find_template(argv[optind])) == NULL) {
        fprintf(stderr, "blamelint: no template '%.128s'; 'blamelint new "
                "--list' lists them\n", argv[optind]);
        return EXIT_TROUBLE;
    }
    fwrite(t->text, 1, t->len, stdout);
    return 0;
}
