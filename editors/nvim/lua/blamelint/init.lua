-- blamelint for Neovim: starts `blamelint lsp` for Markdown buffers.
--
--   require("blamelint").setup{}                     -- defaults below
--   require("blamelint").setup{
--     cmd = { "/usr/local/bin/blamelint", "lsp" },
--     rules = { ["blame/minimizer"] = "off", ["section/*"] = "info" },
--     settings = { ["whys.min"] = 3 },
--   }
--
-- Works on Neovim 0.7 (Debian 12), which has no vim.lsp.start: there one
-- client is started with vim.lsp.start_client and every Markdown buffer is
-- attached to it; on 0.8 and later vim.lsp.start does the same and reuses
-- the client by name and root directory.
local M = {}

local defaults = {
  cmd = { "blamelint", "lsp" },
  filetypes = { "markdown" },
  rules = {},       -- rule id or family ("blame/*") -> off|on|info|warning|error
  settings = {},    -- setting key ("whys.min") -> value
  docs_url = nil,   -- where rule links point (default: the installed README)
}

M.config = vim.deepcopy(defaults)
local client_id = nil

local function server_options()
  return { rules = M.config.rules, settings = M.config.settings, docsUrl = M.config.docs_url }
end

local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local git = vim.fn.finddir(".git", dir .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return dir
end

local function client_config(bufnr)
  return {
    name = "blamelint",
    cmd = M.config.cmd,
    root_dir = root_of(bufnr),
    init_options = server_options(),
    settings = { blamelint = server_options() },
    flags = { debounce_text_changes = 50 },
  }
end

-- Attaches the server to one buffer, starting it if needed.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.lsp.start then
    return vim.lsp.start(client_config(bufnr), { bufnr = bufnr })
  end
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  if not client or client.is_stopped() then
    client_id = vim.lsp.start_client(client_config(bufnr))
    if not client_id then
      vim.notify("blamelint: could not start " .. table.concat(M.config.cmd, " "),
                 vim.log.levels.ERROR)
      return nil
    end
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup("blamelint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers that were open before setup ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf)
        and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
