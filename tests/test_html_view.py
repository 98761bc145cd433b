"""The visible text of a page: every character knows where it is in the file; no markup,
however hostile, makes the reader raise."""

import html

import pytest

from dashboard.pipeline.html_view import read_visible_text


def lines(source: str) -> list[str]:
    return read_visible_text(source).text.strip("\n").split("\n")


@pytest.mark.parametrize(
    "source,expected",
    [
        pytest.param("<p>One</p><p>Two</p>", ["One", "Two"], id="blocks end lines"),
        pytest.param("<p>Long line\n   wrapped in the source</p>", ["Long line wrapped in the source"], id="source newlines collapse"),
        pytest.param("<p>a<br>b</p>", ["a", "b"], id="br breaks"),
        pytest.param("<p>Lithuania&#8217;s &ldquo;border&rdquo; &amp; more</p>", ["Lithuania’s “border” & more"], id="entities decoded"),
        pytest.param("<p>x</p><script>var q = '<p>no</p>';</script><style>p{}</style>", ["x"], id="script and style are no text"),
        pytest.param("<head><title>T</title></head><body><p>x</p></body>", ["x"], id="head is no text"),
        pytest.param("<pre>a\n  b</pre>", ["a", "  b"], id="pre keeps its spaces"),
    ],
)
def test_visible_text(source, expected):
    assert lines(source) == expected


@pytest.mark.parametrize(
    "source,expected",
    [
        pytest.param('<p>Lukashenko said: “We will respond.”</p><![bogus[ x ]]><p>More text here.</p>',
                     ["Lukashenko said: “We will respond.”", "More text here."], id="unknown marked section (issue 7)"),
        pytest.param('<![ x <p>Lukashenko said: “We will respond.”</p>', ["Lukashenko said: “We will respond.”"], id="marked section never closed"),
        pytest.param("<p>a</p><![CDATA[ <p>hidden</p> ]]><p>b</p>", ["a", "b"], id="CDATA is not shown"),
        pytest.param("<p>a</p><!-- never closed <p>hidden</p>", ["a"], id="comment open to the end"),
        pytest.param("<p>a</p><!DOCTYPE x [ <!ELEMENT y> ]><p>b</p>", ["a", "]>", "b"], id="doctype ends at its first > (as in a browser)"),
        pytest.param("<p>a</p><?php echo 1 ?><p>b</p>", ["a", "b"], id="processing instruction"),
        pytest.param("<p>a</p><p title=\"never closed", ["a"], id="tag open to the end"),
        pytest.param("<p>a</p>" + "</" * 1000, ["a"], id="end-tag openers to the end"),
        pytest.param("<div>" * 50_000 + "<p>deep</p>" + "</div>" * 50_000, ["deep"], id="50k nesting"),
        pytest.param('<p title="' + "x" * 1_000_000 + '">hi</p>', ["hi"], id="huge attribute"),
        pytest.param("<p>" + "&amp;" * 1000 + "</p>", ["&" * 1000], id="entity flood"),
    ],
)
def test_hostile_markup_is_read_as_a_browser_reads_it(source, expected):
    assert lines(source) == expected


def test_every_character_points_at_its_source():
    page = (
        "<html><head><title>x</title></head><body>\n<p class=a>Lithuania&#8217;s parliament said\n"
        "  &ldquo;no&rdquo; &amp; left.</p><p>Caf&eacute; &nbsp;ok</p></body></html>"
    )
    v = read_visible_text(page)
    assert v.text == "Lithuania’s parliament said “no” & left.\nCafé \xa0ok\n"
    for i, ch in enumerate(v.text):
        source = page[v.origin[i] : v.origin_end[i]]
        if ch == "\n":
            assert source == ""
        elif ch == " ":
            assert source.isspace()
        else:
            assert html.unescape(source) == ch, (i, ch, source)


def test_page_furniture_is_marked_for_the_fallback_reader():
    v = read_visible_text("<nav>Home World</nav><article><p>Body text.</p></article><footer>© Site</footer>")
    kept = "".join(ch if not flag else " " for ch, flag in zip(v.text, v.chrome)).split()
    furniture = "".join(ch if flag else " " for ch, flag in zip(v.text, v.chrome)).split()
    assert (kept, furniture) == (["Body", "text."], ["Home", "World", "©", "Site"])


def test_metadata_the_markup_carries():
    v = read_visible_text(
        '<head><meta property="og:site_name" content="Example News"><link rel="canonical" href="https://ex.com/a">'
        '<title>Title | Example</title><script type="application/ld+json">{"datePublished": "2021-11-09"}</script></head>'
        '<body><h1>Big <b>headline</b></h1><time datetime="2021-11-10">x</time></body>'
    )
    assert v.meta == {"og:site_name": "Example News", "canonical": "https://ex.com/a"}
    assert (v.title_tag, v.h1, v.time_values) == ("Title | Example", "Big headline", ["2021-11-10"])
    assert "datePublished" in "".join(v.jsonld)
