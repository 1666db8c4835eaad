"""The review page in a real headless Chromium against a real server
(uvicorn on localhost): an editor signs in, rejects a figure, corrects a
place from the gazetteer, merges two events and adds a figure the extractor
missed by selecting its words; then the same documents are ingested again
and a changed extractor (its victims lexicon edited in the test process)
is run over them with ``wartally reextract``: it really gives other
figures, and every correction is still applied, in the exports too."""
from __future__ import annotations

import csv

import pytest

from test_auth import serving
from test_review_corrections import DOCS, fill
from test_review_reextract import CIVILIANS_AS_PEOPLE, extractor_changed, machine
from test_serve_page import ARGS, CHROMIUM
from wartally.cli import main
from wartally.review.accounts import add_user
from wartally.store import Store

pytestmark = pytest.mark.slow
PASSWORD = "a long editor password"


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def figure_ids(db) -> dict[tuple[str, int], str]:
    with Store(db, read_only=True) as store:
        return {(d, n): i for i, d, n in store.con.execute("SELECT id, doc_id, n FROM figures").fetchall()}


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def writes(page, n: int) -> None:
    page.wait_for_selector(f"body[data-writes='{n}']", timeout=20000)


def select_words(page, words: str) -> None:
    """Select ``words`` in the article the way a mouse would, then release."""
    page.evaluate("""(words) => {
        const article = document.getElementById('article');
        const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walk.nextNode(); node; node = walk.nextNode()) {
            const at = node.textContent.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + words.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            article.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return;
        }
        throw new Error('words not in the article: ' + words);
    }""", words)


def test_review_page_corrections_survive_a_changed_extractor_and_reach_exports(browser, tmp_path, output_dir,
                                                                               monkeypatch, capsys):
    db = fill(tmp_path / "browser.duckdb")
    with Store(db) as store:
        add_user(store.con, "amal", "editor", PASSWORD)
    fig = figure_ids(db)
    with serving(db) as (url, _):
        context = browser.new_context(viewport={"width": 1500, "height": 1100})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url + "/review")
        page.wait_for_selector("body[data-ready='1']", timeout=20000)
        assert page.locator("#accept").is_disabled()  # anonymous: read only
        page.fill("#login [name=name]", "amal")
        page.fill("#login [name=password]", PASSWORD)
        page.click("#login button[type=submit]")
        page.wait_for_selector("#me:not([hidden])")
        assert page.locator("#me-role").inner_text() == "editor"

        # reject a figure with the keyboard, the sentence in view
        page.click(f"#queue li[data-id='{fig[('tally-snhr', 606)]}']")
        page.wait_for_selector(f"body[data-figure='{fig[('tally-snhr', 606)]}']")
        assert "606" in page.locator("#sentence mark.number").inner_text()
        page.keyboard.press("r")
        writes(page, 1)
        # the page reloads its queue after the write is counted: wait for it
        expect(page.locator(f"#queue li[data-id='{fig[('tally-snhr', 606)]}']")).to_contain_text("rejected",
                                                                                            timeout=20000)

        # correct a place: pick it from the gazetteer
        page.click(f"#queue li[data-id='{fig[('ariha-2', 13)]}']")
        page.wait_for_selector(f"body[data-figure='{fig[('ariha-2', 13)]}']")
        page.keyboard.press("p")
        page.keyboard.type("Kafranbel")
        page.keyboard.press("Enter")
        page.locator("#place-results button", has_text="Idlib").first.click()
        writes(page, 2)
        place = page.locator("#figure [data-field=place]")
        expect(place).not_to_contain_text("Ariha", timeout=20000)
        expect(place).to_contain_text("Idlib")

        # merge two events
        page.wait_for_selector("#events input[data-event]")
        boxes = page.locator("#events input[data-event]")
        assert boxes.count() >= 2
        for i in range(boxes.count()):
            boxes.nth(i).check()
        page.click("#merge")
        writes(page, 3)
        page.wait_for_selector("body[data-events='1']")

        # add a missed figure by selecting its words in the article
        page.click(f"#queue li[data-id='{fig[('ariha-1', 12)]}']")
        page.wait_for_selector(f"body[data-figure='{fig[('ariha-1', 12)]}']")
        select_words(page, "4 men")
        page.wait_for_selector("#add:not([hidden])")
        assert page.locator("#add-words").inner_text() == "4 men"
        assert page.locator("#add [name=n]").input_value() == "4"
        page.select_option("#add [name=outcome]", "killed")
        page.select_option("#add [name=victims]", "men")
        page.click("#add button[type=submit]")
        writes(page, 4)
        page.wait_for_selector("#queue li:has-text('added')")
        page.screenshot(path=str(output_dir / "review-page.png"), full_page=True)
        assert not errors, errors
        context.close()

    with Store(db, read_only=True) as store:
        log = store.con.execute("SELECT editor, kind FROM corrections ORDER BY seq").fetchall()
    assert log == [("amal", "reject"), ("amal", "edit"), ("amal", "merge"), ("amal", "add")]

    # the same documents again: stored already, nothing to do
    with Store(db, read_only=True) as store:
        before = machine(store)
    capsys.readouterr()
    assert main(["ingest", str(DOCS), "--db", str(db), "-q"]) == 0
    assert "0 written, 5 unchanged" in capsys.readouterr().err
    # a changed extractor over the same texts: other figures, the same decisions
    with extractor_changed(monkeypatch, CIVILIANS_AS_PEOPLE):
        assert main(["reextract", "--db", str(db), "--all", "-q"]) == 0
    err = capsys.readouterr().err
    assert "re-extracted 5 documents" in err and "0 listed for a second look" in err
    with Store(db, read_only=True) as store:
        after = machine(store)
    for key in (("ariha-2", 13), ("kafranbel-1", 7), ("ariha-1", 12), ("tally-snhr", 606)):
        assert before[key][0] != after[key][0], key  # new machine ids ...
        assert (before[key][1], after[key][1]) == ("civilians", "people"), key  # ... and values
    new_ids = figure_ids(db)

    out = tmp_path / "figures.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = {(r["doc_id"], r["n"]): r for r in csv.DictReader(open(out, encoding="utf-8"))}
    assert ("tally-snhr", "606") not in rows  # rejected
    assert rows[("tally-sohr", "544")]["victims"] == "people"  # the new extractor's values where none was corrected
    moved = rows[("ariha-2", "13")]
    assert moved["admin1"] == "Idlib" and moved["place"] != "Ariha" and moved["reviewed"] == "True"
    assert moved["victims"] == "people"  # the machine's new reading, with the analyst's place
    added = rows[("ariha-1", "4")]
    assert (added["outcome"], added["victims"], added["review_status"], added["reviewed"]) == (
        "killed", "men", "added", "True")
    events = tmp_path / "events.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--records", "events", "-o", str(events)]) == 0
    merged = [e for e in csv.DictReader(open(events, encoding="utf-8")) if e["reviewed"] == "True"
              and new_ids[("kafranbel-1", 7)] in e["figure_ids"] and new_ids[("ariha-1", 12)] in e["figure_ids"]]
    assert len(merged) == 1 and new_ids[("ariha-2", 13)] in merged[0]["figure_ids"]
    with Store(db, read_only=True) as store:
        from wartally.store.review.apply import orphans

        assert not orphans(store.con)
