// The review page in a real browser (Debian's Chromium through playwright-core): paste a draft
// with curly quotes, dashes and emoji before its findings, wait for the highlights, compare
// them with `copydesk check --format json`, apply three fixes one after another and compare
// the text with `copydesk check --fix`; save a screenshot. Run by scripts/review-page-check.sh:
//   node test.cjs COPYDESK-BINARY DRAFT SCREENSHOT
const { chromium } = require("playwright-core");
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [bin, draftPath, screenshot] = process.argv.slice(2);
const draft = fs.readFileSync(draftPath, "utf8");

function fail(message) {
  console.error("review-page: FAILED — " + message);
  process.exit(1);
}

function cli() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-page-"));
  const file = path.join(dir, "draft.txt");
  fs.writeFileSync(file, draft);
  let json;
  try { json = execFileSync(bin, ["check", file, "--isolated", "--format", "json"]); } catch (e) { json = e.stdout; }
  const report = JSON.parse(json.toString());
  const bytes = Buffer.from(draft, "utf8");
  const spans = report.diagnostics.map((d) => bytes.subarray(d.start.offset, d.end.offset).toString("utf8"));
  try { execFileSync(bin, ["check", file, "--isolated", "--fix", "-q"]); } catch (e) { /* findings remain: exit 1 */ }
  return { spans, fixed: fs.readFileSync(file, "utf8") };
}

async function main() {
  const expected = cli();
  const server = spawn(bin, ["serve", "--listen", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
  const url = await new Promise((resolve, reject) => {
    let seen = "";
    server.stderr.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    setTimeout(() => reject(new Error("the server did not start")), 10000);
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // The page is on loopback: no proxy the machine may set is ever asked for it (a sandbox's
      // egress filter once answered a load with 403 "denied destination", CI, stop 38).
      "--no-proxy-server"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // On a loaded machine the first load has come back without the page (CI, stops 35 and
    // 38): load it up to three times, a second apart, and say what came back if it never is.
    for (let attempt = 1; ; attempt++) {
      const response = await page.goto(url + "/");
      if (await page.waitForSelector("#draft", { timeout: 15000 }).catch(() => null)) break;
      const what = `status ${response && response.status()}: ${(await page.content()).slice(0, 300)}`;
      if (attempt === 3) fail("the review page did not load (" + what + ")");
      console.error("review-page: loading again after " + what);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await page.fill("#draft", draft);
    await page.click("#check");
    await page.waitForFunction((n) => document.querySelector("#status").textContent.startsWith(n + " finding"), expected.spans.length);
    // Each finding's highlight: the marks that carry it, joined, are the span the CLI reports.
    const shown = await page.evaluate(() => {
      const marks = [...document.querySelectorAll("#draft-view mark")];
      return findings.map((_, n) => marks.filter((m) => m.dataset.findings.split(" ").includes(String(n))).map((m) => m.textContent).join(""));
    });
    const want = [...expected.spans].sort();
    const got = [...shown].sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`highlights ${JSON.stringify(got)} are not the CLI's ${JSON.stringify(want)}`);
    console.log(`review-page: ${got.length} highlights, each the text the CLI reports: ${got.map((s) => JSON.stringify(s)).join(", ")}`);
    for (let round = 1; round <= 3; round++) {
      const index = await page.evaluate(() => findings.findIndex((f) => f.fix && f.fix.applicability === "safe"));
      if (index < 0) fail(`no safe fix left before fix ${round}`);
      await page.click(`li[data-finding="${index}"]`);
      const before = await page.inputValue("#draft");
      await page.click("#apply-fix");
      await page.waitForFunction((text) => document.querySelector("#draft").value !== text && !document.querySelector("#status").textContent.startsWith("checking"), before);
    }
    await page.keyboard.press("j");
    const result = await page.inputValue("#draft");
    if (result !== expected.fixed) fail(`after three fixes the text differs from check --fix:\n${result}\n---\n${expected.fixed}`);
    console.log("review-page: three fixes applied one after another give the text of `copydesk check --fix`");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log("review-page: screenshot " + screenshot);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => fail(error.stack || String(error)));
