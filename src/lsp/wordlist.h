/*
 * wordlist.h: the WorkspaceEdit that adds a word to the team's word list
 * file, for the language server's "Add 'word' to the word list" action.
 */
#ifndef LSP_WORDLIST_H
#define LSP_WORDLIST_H

#include "../blamelint.h"
#include "../engine/vec.h"

/* What the client said, at initialize, it can apply. */
typedef struct lsp_edit_caps {
    int document_changes;   /* workspaceEdit.documentChanges */
    int create_files;       /* "create" in workspaceEdit.resourceOperations */
} lsp_edit_caps;

/* Appends, as JSON, a WorkspaceEdit that puts word on a line of its own at
 * the end of the word list at path (absolute), as the file is on disk
 * now: with documentChanges where the client takes them (a CreateFile
 * first when the file is not there yet and the client can create files),
 * else with "changes".  Columns are in enc; a file that ends its lines
 * with CRLF gets one more such line.  0, or -1 when out of memory. */
int lsp_wordlist_edit(bl_strbuf *sb, const char *path, const char *word,
                      const lsp_edit_caps *caps, bl_encoding enc);

#endif
