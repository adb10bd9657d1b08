// Search for the search page, with Pagefind: the index is split into small pieces that are
// fetched only for the words typed, so a query costs tens of kilobytes, not the whole site.
// Each claim result shows the claim with its verdict badge in one line, then the fact, so a
// verdict is never read as a verdict on the fact. The query is kept in the address (?q=).
(function () {
  var MAX_RESULTS = 10;
  var CANDIDATES = 12;  // results re-ranked below; only these are fetched (each costs a request)

  function words(text) {
    return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Pagefind ranks by where the words stand. Two things it cannot know: a topic's page is the
  // answer to the topic's own name, and among claims that match alike, the one people repeat
  // most is likelier the one the reader heard (meta "repeated": appearances and wordings).
  function rerank(query, results) {
    var asked = words(query);
    function rank(item) {
      var data = item.data;
      var isTopic = /\/topics\/[^/]+\/$/.test(data.url);
      var named = isTopic && asked.length && asked.every(function (w) { return words(data.meta.title).indexOf(w) >= 0; });
      var repeated = Number(data.meta.repeated || 0);
      return (named ? 1e6 : 0) + item.score * (1 + 0.1 * Math.min(repeated, 10));
    }
    return results.map(function (item) { return { data: item.data, value: rank(item) }; })
      .sort(function (a, b) { return b.value - a.value; })
      .map(function (item) { return item.data; });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function label(text, className) {
    return el("span", className, text);
  }

  function claimResult(data, badges) {
    var item = el("li", "search-result search-result--claim");
    var line = el("p", "claim-line");
    var link = el("a", "claim-text", "\u201c" + data.meta.claim.replace(/^\u201c|\u201d$/g, "") + "\u201d");
    link.href = data.url;
    var badge = badges.querySelector('[data-verdict="' + data.meta.verdict_slug + '"]');
    line.append(label("Claim", "claim-label"), " ", link, " ", label("rated", "rated"), " ");
    if (badge) line.append(badge.cloneNode(true));
    var fact = el("p", "search-result__fact");
    fact.append(label("Fact", "fact-label"), " ", data.meta.title || "");
    item.append(line, fact);
    return item;
  }

  function pageResult(data) {
    var item = el("li", "search-result");
    var title = el("p", "search-result__title");
    var link = el("a", null, data.meta.title || data.url);
    link.href = data.url;
    title.append(link);
    var excerpt = el("p", "search-result__excerpt");
    excerpt.innerHTML = data.excerpt;  // Pagefind's excerpt: escaped text with <mark> around the words found
    item.append(title, excerpt);
    return item;
  }

  function setUp() {
    var form = document.querySelector("[data-search-form]");
    var out = document.querySelector("[data-search-results]");
    if (!form || !out || form.dataset.wired) return;
    form.dataset.wired = "true";
    var input = form.querySelector("input[name=q]");
    var badges = document.querySelector(".search-badges");
    var pagefind = null;
    var latest = 0;

    function load() {
      if (!pagefind) {
        pagefind = import(new URL(form.dataset.pagefind, window.location.href).href).then(function (module) {
          // Rank by where the words stand (the claim's own words weigh most), not by how long a
          // page is or how often a word repeats.
          return module.options({ excerptLength: 24, ranking: { pageLength: 0.1, termFrequency: 0 } })
            .then(function () { return module; });
        });
      }
      return pagefind;
    }

    function show(query, results) {
      out.textContent = "";
      if (!query) return;
      var count = el("p", "search-results__count", results.length ? "" : "No page matches \u201c" + query + "\u201d.");
      out.append(count);
      if (!results.length) {
        var suggest = el("p", "search-results__suggest");
        var link = el("a", null, "Suggest this claim");
        link.href = form.dataset.suggest + "&claim=" + encodeURIComponent(query);
        suggest.append("Not checked yet? ", link, " so that we check it, or ");
        var all = el("a", null, "browse all claims");
        all.href = form.dataset.catalog;
        suggest.append(all, ".");
        out.append(suggest);
        return;
      }
      var list = el("ol", "search-results__list");
      results.forEach(function (data) {
        list.append(data.meta.claim ? claimResult(data, badges) : pageResult(data));
      });
      out.append(list);
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      var address = new URL(window.location.href);
      if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
      history.replaceState(null, "", address);
      if (!query) { show("", []); return; }
      load().then(function (module) {
        return module.debouncedSearch(query, {}, 150);
      }).then(function (search) {
        if (!search || ticket !== latest) return null;  // a newer query replaced this one
        var top = search.results.slice(0, CANDIDATES);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
          return data.map(function (d, i) { return { data: d, score: top[i].score }; });
        });
      }).then(function (results) {
        if (results && ticket === latest) show(query, rerank(query, results).slice(0, MAX_RESULTS));
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run();
    }
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
