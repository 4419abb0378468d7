-- check.lua: Neovim as a real LSP client of blamelint, headless.
--
-- Run by tests/nvim/run.sh, which sets BLAMELINT_BIN, BLAMELINT_PLUGIN and
-- BLAMELINT_FILE.  Uses the plugin from editors/nvim exactly as a user
-- would, then checks what Neovim itself sees: diagnostics at the right
-- byte columns on a line with multi-byte and astral characters (the
-- server speaks UTF-16, Neovim converts), a quick fix applied to the buffer
-- and its diagnostic gone, hover text, and "Add 'word' to the word list"
-- chosen from vim.lsp.buf.code_action() as a user would: the word list
-- edited in a buffer, the finding gone, the file written.  Prints "ok - ..." or
-- "not ok - ..." lines; exits 0 only when every check passed.
local failures = 0

local function report(ok, what, detail)
  io.stdout:write((ok and "ok - " or "not ok - ") .. what
                  .. ((not ok and detail) and (" (" .. detail .. ")") or "") .. "\n")
  if not ok then failures = failures + 1 end
end

local function finish()
  io.stdout:flush()
  vim.cmd((failures == 0) and "qall!" or "cquit! 1")
end

vim.opt.runtimepath:prepend(os.getenv("BLAMELINT_PLUGIN"))
vim.opt.swapfile = false
require("blamelint").setup({ cmd = { os.getenv("BLAMELINT_BIN"), "lsp" } })
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("BLAMELINT_FILE")))
local bufnr = vim.api.nvim_get_current_buf()

local function diags(code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "blamelint" and (code == nil or d.code == code) then
      table.insert(out, d)
    end
  end
  return out
end

local function client()
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == "blamelint" then return c end
  end
end

local got = vim.wait(10000, function() return #diags() >= 2 end, 20)
report(got, "diagnostics arrive for the buffer", "got " .. #diags())
if not got then return finish() end

local c = client()
report(c ~= nil and c.offset_encoding == "utf-16", "the client speaks utf-16",
       c and c.offset_encoding)

-- Columns: Neovim gives 0-based byte columns after converting the server's
-- UTF-16 ones; they must point at the words in the buffer.
local line3 = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
local m = diags("blame/minimizer")[1]
local want = (line3:find("just", 1, true) or 0) - 1
report(m ~= nil and m.lnum == 2 and m.col == want,
       "blame/minimizer at the byte column of \"just\"",
       m and (m.lnum .. ":" .. m.col .. ", want 2:" .. want) or "missing")
local p = diags("blame/person-failure")[1]
report(p ~= nil and p.lnum == 4 and p.col == 0 and p.end_col == 10,
       "blame/person-failure on \"Bob forgot\"",
       p and (p.lnum .. ":" .. p.col .. "-" .. p.end_col) or "missing")

-- Hover over "Bob".
local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = 4, character = 1 },
}, 5000)
local text = ""
for _, r in pairs(hover or {}) do
  if r.result and r.result.contents then text = r.result.contents.value or "" end
end
report(text:find("blame/person-failure", 1, true) ~= nil, "hover explains the rule")

-- The quick fix for "just": ask as an editor does, apply the edit.
local utf16_col = vim.str_utfindex(line3, want)
local actions = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = 2, character = utf16_col },
            ["end"] = { line = 2, character = utf16_col + 4 } },
  context = { diagnostics = {} },
}, 5000)
local action
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.edit and a.kind == "quickfix" and a.title:find("just", 1, true) then action = a end
  end
end
report(action ~= nil, "a quickfix is offered for \"just\"")
if action then
  vim.lsp.util.apply_workspace_edit(action.edit, c.offset_encoding)
  local after = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
  report(after == "Zoë 😀 — the engineer restarted the primary.",
         "the fix removes \"just \" from the buffer", after)
  local gone = vim.wait(10000, function()
    return #diags("blame/minimizer") == 0 and #diags("blame/person-failure") == 1
  end, 20)
  report(gone, "after the edit, the minimizer's diagnostic is gone and the other stays")
end

-- Spelling: an unknown word, and the action that adds it to the word list,
-- picked from Neovim's own code action menu.
local spell_file = os.getenv("BLAMELINT_SPELL_FILE")
vim.cmd("edit " .. vim.fn.fnameescape(spell_file))
local sbuf = vim.api.nvim_get_current_buf()
local function spell_diags()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(sbuf)) do
    if d.code == "spelling/unknown-word" then table.insert(out, d) end
  end
  return out
end
got = vim.wait(10000, function() return #spell_diags() == 1 end, 20)
local sd = spell_diags()[1]
report(got and sd.lnum == 2 and sd.col == 19 and sd.end_col == 26,
       "spelling/unknown-word on \"Zorblax\"",
       sd and (sd.lnum .. ":" .. sd.col .. "-" .. sd.end_col) or "missing")
if sd then
  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(offered, title)
      if title == "Add 'Zorblax' to the word list" then
        return on_choice(item)
      end
    end
    on_choice(nil)
  end
  vim.api.nvim_win_set_cursor(0, { 3, 21 })
  vim.lsp.buf.code_action()
  local picked = vim.wait(10000, function() return #offered > 0 end, 20)
  report(picked and vim.tbl_contains(offered, "Add 'Zorblax' to the word list"),
         "the code action menu offers \"Add 'Zorblax' to the word list\"",
         table.concat(offered, " | "))
  local cleared = vim.wait(10000, function() return #spell_diags() == 0 end, 20)
  report(cleared, "after the action, the word's finding is gone")
  local list = vim.fn.fnamemodify(spell_file, ":h") .. "/.blamelint-words.txt"
  local lbuf = vim.fn.bufnr(list)
  local lines = lbuf > 0 and vim.api.nvim_buf_get_lines(lbuf, 0, -1, false) or {}
  report(lines[1] == "Zorblax", "the word list's buffer holds the word",
         table.concat(lines, "\\n"))
  if lbuf > 0 then
    vim.api.nvim_buf_call(lbuf, function() vim.cmd("silent write") end)
  end
  local f = io.open(list, "r")
  local text = f and f:read("*a") or ""
  if f then f:close() end
  report(text:match("^Zorblax\n") ~= nil, "written, the word list file holds it",
         text)
end

finish()
