-- Neovim (0.7's API: vim.lsp.start_client, vim.lsp.buf_attach_client) as copydesk's LSP
-- client: open the draft, wait for its diagnostics, write them as the server sent them (JSON),
-- quit. Driven by scripts/nvim-lsp-check.sh:
--   COPYDESK_BIN=… COPYDESK_DRAFT=… COPYDESK_OUT=… nvim --headless -u NONE -c "luafile client.lua"
local bin = os.getenv("COPYDESK_BIN")
local draft = vim.fn.fnamemodify(os.getenv("COPYDESK_DRAFT"), ":p")
local out_path = os.getenv("COPYDESK_OUT")
local received = nil

local client_id = vim.lsp.start_client({
  name = "copydesk",
  cmd = { bin, "lsp", "--debounce-ms", "10" },
  root_dir = vim.fn.fnamemodify(draft, ":h"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(_, result)
      if result and vim.uri_to_fname(result.uri) == draft then
        received = result
      end
    end,
  },
})

local out = io.open(out_path, "w")
if not client_id then
  out:write("NO CLIENT")
else
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  vim.lsp.buf_attach_client(0, client_id)
  if vim.wait(15000, function() return received ~= nil end, 20) then
    out:write(vim.fn.json_encode(received))
  else
    out:write("TIMEOUT")
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end
out:close()
vim.cmd("qa!")
