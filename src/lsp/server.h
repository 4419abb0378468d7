/*
 * server.h: `blamelint lsp`, the Language Server over stdio.
 */
#ifndef LSP_SERVER_H
#define LSP_SERVER_H

/* Serves one client on in/out until it sends "exit" or closes its end.
 * Returns the process exit status: 0 after shutdown then exit, 1 when the
 * client exits (or disappears) without asking to shut down first, 2 when
 * the server could not start. */
int lsp_serve(int in, int out);

#endif
