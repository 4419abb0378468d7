/*
 * rulegen.c: compiles the rule files into the C source that embeds them.
 *
 *   rulegen OUT.c FILE.rules...
 *
 * Expands {verb:...} markers with Hunspell (so the binary never loads a
 * dictionary for the default rules), parses every file with the engine's
 * own parser and compiles every pattern, so a broken rule file fails the
 * build with file:line instead of a rule that silently never fires.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "../engine/rules.h"

/* rules.c refers to the embedded table; this program is what makes it. */
const struct bl_embedded_file {
    const char *name;
    const char *text;
    size_t len;
} bl_embedded_rules[1] = {{NULL, NULL, 0}};
const size_t bl_embedded_rules_count = 0;
const struct bl_embedded_regex {
    const char *src;
    int anchored;
    const unsigned char *code;
} bl_embedded_regexes[1] = {{NULL, 0, NULL}};
const size_t bl_embedded_regexes_count = 0;

static char *
slurp(const char *path, size_t *p_len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0
        || fseek(f, 0, SEEK_SET) != 0) {
        if (f)
            fclose(f);
        return NULL;
    }
    buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        *p_len = (size_t)n;
    }
    return buf;
}

static void
write_literal(FILE *out, const char *s, size_t n)
{
    size_t i, col = 0;

    fputs("    \"", out);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            fputs("\\n\"\n    \"", out);
            col = 0;
            continue;
        }
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(out, "\\%03o", c);  /* octal: never swallows a digit */
        else
            fputc(c, out);
        col++;
    }
    fputs("\"", out);
}

/* Writes re's compiled, serialized form as the array bl_precompiled_K.
 * PCRE2 reads it as a header of 32-bit fields, so it is aligned as
 * malloc() would align it, which an array of char need not be.  Returns
 * 1, or 0 when re does not compile on its own. */
static int
write_code(FILE *out, bl_regex *re, size_t k)
{
    uint8_t *bytes;
    size_t size, i;

    if (bl_regex_serialize(re, &bytes, &size) < 0)
        return 0;
    fprintf(out, "static _Alignas(max_align_t) const unsigned char "
            "bl_precompiled_%zu[] = {", k);
    for (i = 0; i < size; i++)
        fprintf(out, "%s%u,", i % 24 == 0 ? "\n    " : "", bytes[i]);
    fputs("\n};\n", out);
    pcre2_serialize_free(bytes);
    return 1;
}

/* Every pattern compiled and serialized, with its source: a one-file
 * check then decodes the patterns it needs instead of compiling them,
 * which was most of its time.  First in bl_rules_regexes order, then
 * each Define: both ways, as the checks written in C ask for them (the
 * engine finds those by their source). */
static int
write_precompiled(FILE *out, bl_rules *rules)
{
    bl_regex **list, **all;
    size_t i, n = bl_rules_regexes(rules, &list), count = 0;
    int anchored, oom;

    if (list == NULL
        || (all = malloc((n + 2 * rules->defines.n + 1) * sizeof *all))
               == NULL) {
        free(list);
        fprintf(stderr, "rulegen: out of memory\n");
        return -1;
    }
    fputs("\n#include <stddef.h>\n\n", out);
    for (i = 0; i < n; i++) {
        if (list[i]->src == NULL)
            continue;
        if (!write_code(out, list[i], count)) {
            fprintf(stderr, "rulegen: cannot serialize %s\n", list[i]->src);
            free(list);
            free(all);
            return -1;
        }
        all[count++] = list[i];
    }
    free(list);
    for (i = 0; i < rules->defines.n; i++) {
        for (anchored = 0; anchored <= 1; anchored++) {
            bl_regex *re = bl_rules_define_regex(
                rules, rules->defines.items[i].name, anchored, &oom);
            if (re != NULL && write_code(out, re, count))
                all[count++] = re;  /* a fragment may not compile alone */
        }
    }
    fputs("\nconst struct bl_embedded_regex {\n"
          "    const char *src;\n    int anchored;\n"
          "    const unsigned char *code;\n"
          "} bl_embedded_regexes[] = {\n", out);
    for (i = 0; i < count; i++) {
        fputs("  {", out);
        write_literal(out, all[i]->src, strlen(all[i]->src));
        fprintf(out, ",\n   %d, bl_precompiled_%zu},\n", all[i]->anchored, i);
    }
    if (count == 0)
        fputs("  {0, 0, 0}\n", out);
    fprintf(out, "};\nconst size_t bl_embedded_regexes_count = %zu;\n", count);
    free(all);
    return 0;
}

int
main(int argc, char **argv)
{
    bl_rules *rules = bl_rules_new();
    char err[1024];
    FILE *out;
    int i;

    if (argc < 3 || rules == NULL) {
        fprintf(stderr, "usage: rulegen OUT.c FILE.rules...\n");
        return 2;
    }
    out = fopen(argv[1], "w");
    if (out == NULL) {
        perror(argv[1]);
        return 1;
    }
    fputs("/* Generated by src/tools/rulegen.c from rules/; do not edit. */\n"
          "#include <stddef.h>\n\n"
          "const struct bl_embedded_file {\n"
          "    const char *name;\n    const char *text;\n    size_t len;\n"
          "} bl_embedded_rules[] = {\n", out);
    for (i = 2; i < argc; i++) {
        size_t len, xlen;
        char *text = slurp(argv[i], &len), *x;
        const char *base = strrchr(argv[i], '/');
        if (text == NULL) {
            perror(argv[i]);
            return 1;
        }
        x = bl_wordforms_expand(text, len, &xlen, err, sizeof err);
        if (x == NULL) {
            fprintf(stderr, "%s: %s\n", argv[i], err);
            return 1;
        }
        if (bl_rules_parse(rules, argv[i], x, xlen, err, sizeof err) < 0) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        fprintf(out, "  {\"%s\",\n", base ? base + 1 : argv[i]);
        write_literal(out, x, xlen);
        fprintf(out, ",\n   %zu},\n", xlen);
        free(text);
        free(x);
    }
    if (bl_rules_finish(rules, 1, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    fprintf(out, "};\nconst size_t bl_embedded_rules_count = %d;\n", argc - 2);
    if (write_precompiled(out, rules) < 0)
        return 1;
    bl_rules_free(rules);
    if (fclose(out) != 0) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}
