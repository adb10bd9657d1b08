// Search for the search page. The index (catalog/search_index.py) is split by the first letters
// of each word, so a query fetches only the pieces for the words typed and the records of the
// results it shows, tens of kilobytes whatever the size of the catalog. Each claim result shows the
// claim with its verdict badge in one line, then the fact, so a verdict is never read as a
// verdict on the fact. The query is kept in the address (?q=). Results are built as text, never
// as HTML.
(function () {
  var MAX_RESULTS = 10;
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var TOKEN = new RegExp("[" + HAN + "]+|(?:(?![" + HAN + "])[\\p{L}\\p{N}])+", "gu");
  var IS_HAN = new RegExp("^[" + HAN + "]");
  // The words catalog/search_index.py leaves out of the index; the search form lists them.
  var STOPWORDS = new Set();

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function singular(word) {  // as catalog/search_index.py: scores, score; cities, city
    if (word.length < 4 || /(us|ss|is)$/.test(word)) return word;
    if (/ies$/.test(word) && !/[ea]ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/es$/.test(word) && !/[aeo]es$/.test(word)) return word.slice(0, -1);
    return /s$/.test(word) ? word.slice(0, -1) : word;
  }

  // Latin words and numbers whole, plurals as singulars, Chinese as pairs of characters, as
  // the index holds them.
  function terms(text) {
    var out = [];
    (fold(text).match(TOKEN) || []).forEach(function (token) {
      if (IS_HAN.test(token)) {
        for (var i = 0; i < Math.max(1, token.length - 1); i++) out.push(token.slice(i, i + 2));
      } else if (!STOPWORDS.has(token)) {
        out.push(singular(token));
      }
    });
    return Array.from(new Set(out));
  }

  // How much each term counts towards "every word typed": a Latin word counts 1, and the pairs
  // of one run of Chinese characters share 1 between them, so a long Chinese term does not
  // outweigh a short one typed beside it.
  function shares(text) {
    var out = new Map();
    (fold(text).match(TOKEN) || []).forEach(function (token) {
      var parts = terms(token);
      parts.forEach(function (part) { out.set(part, Math.max(out.get(part) || 0, 1 / parts.length)); });
    });
    return out;
  }

  function pairs(words) {  // neighbouring Latin words, indexed together where they weigh much
    var latin = words.filter(function (w) { return !IS_HAN.test(w); });
    return latin.slice(1).map(function (w, i) { return latin[i] + " " + w; });
  }

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function distance(a, b, most) {  // edit distance, or most + 1 once it is larger than most
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var previous = Array.from({ length: b.length + 1 }, function (_, j) { return j; });
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (var j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  // How well an indexed word answers a typed one: the same word, one starting with it (a word
  // typed in part), one it starts with (banned finds ban), or a slip of a letter or two. Pairs
  // and Chinese only match whole.
  function closeness(typed, word) {
    if (word === typed) return 1;
    if (IS_HAN.test(typed) || typed.indexOf(" ") >= 0 || word.indexOf(" ") >= 0) return 0;
    if (typed.length === 3 && word.startsWith(typed)) return 0.3;  // three letters start too many words
    if (typed.length >= 4 && word.startsWith(typed)) return word.length - typed.length <= 2 ? 0.8 : 0.5;
    if (word.length >= 4 && typed.startsWith(word) && typed.length - word.length <= 2) return 0.8;
    if (typed.length >= 5 && word.length >= 5) {
      var most = typed.length >= 8 ? 2 : 1;
      if (distance(typed, word, most) <= most) return 0.6;
    }
    return 0;
  }

  function Index(base) {
    var cache = {};
    function fetchJson(path) {
      if (!cache[path]) {
        cache[path] = fetch(new URL(path, base)).then(function (response) {
          return response.ok ? response.json() : null;
        }).catch(function () { return null; });
      }
      return cache[path];
    }

    // The words that may match a term: the piece of the word list for its first letters and,
    // where that piece was split, the deeper piece along the word typed, or the deeper pieces
    // (up to three) whose words start with it.
    function lookup(term) {
      var word = term.split(" ")[0];
      var found = { terms: {} };
      function merge(piece) {
        if (piece) found = { pages: piece.pages, per_file: piece.per_file, terms: Object.assign(found.terms, piece.terms) };
      }
      function step(piece) {
        merge(piece);
        var deeper = (piece && piece.deeper) || [];
        var along = deeper.filter(function (key) { return word.startsWith(key); });
        if (along.length) return fetchJson("terms/" + hex(along[0]) + ".json").then(step);
        var longer = deeper.filter(function (key) { return key.startsWith(word); });
        if (!longer.length || longer.length > 3) return found;
        return Promise.all(longer.map(function (key) { return fetchJson("terms/" + hex(key) + ".json"); }))
          .then(function (pieces) { pieces.forEach(merge); return found; });
      }
      return fetchJson("terms/" + hex(IS_HAN.test(word) ? word.slice(0, 1) : word.slice(0, 2)) + ".json").then(step);
    }

    // The pages that answer the query, best first: for each word typed, the best weight of a
    // matching word on the page times how rare the word is; a pair of the words side by side
    // adds half its own; pages with every word typed come first.
    this.search = function (query) {
      var share = shares(query);
      var typed = Array.from(share.keys());  // terms(query), in the same order
      var wanted = typed.concat(pairs(typed));
      return Promise.all(wanted.map(lookup)).then(function (shards) {
        var scores = new Map();
        var perFile = 1;
        var common = 0;
        wanted.forEach(function (term, t) {
          var shard = shards[t];
          if (!shard.pages) return;
          perFile = shard.per_file;
          var best = new Map();
          var most = 0;  // pages with the most common of the matching words
          var truncated = false;
          Object.keys(shard.terms).forEach(function (word) {
            var close = closeness(term, word);
            if (!close) return;
            var postings = shard.terms[word];
            most = Math.max(most, postings[0]);
            truncated = truncated || postings[0] > (postings.length - 1) / 2;
            for (var i = 1; i < postings.length; i += 2) {
              var value = close * postings[i + 1] / 10;
              if (value > (best.get(postings[i]) || 0)) best.set(postings[i], value);
            }
          });
          var found = Math.max(most, best.size);
          var rarity = Math.log(1 + (shard.pages - found + 0.5) / (found + 0.5));
          var isPair = t >= typed.length;
          // A word on more pages than the index lists for it is too common to tell them apart:
          // a page without it is not counted as missing a word.
          var counted = !isPair && !truncated;
          if (!isPair && !counted) common += share.get(term);
          best.forEach(function (value, page) {
            var score = scores.get(page) || { sum: 0, words: 0 };
            score.sum += value * rarity * (isPair ? 0.5 : 1);
            if (counted) score.words += share.get(term);
            scores.set(page, score);
          });
        });
        var wordsCounted = typed.reduce(function (sum, term) { return sum + share.get(term); }, 0) - common;
        var ranked = Array.from(scores, function (entry) {
          var covered = wordsCounted > 1e-9 ? Math.min(1, entry[1].words / wordsCounted) : 1;
          return { page: entry[0], value: entry[1].sum * covered * covered };
        }).sort(function (a, b) { return b.value - a.value || a.page - b.page; }).slice(0, MAX_RESULTS);
        return Promise.all(ranked.map(function (hit) {
          return fetchJson("pages/" + Math.floor(hit.page / perFile) + ".json").then(function (records) {
            return records && records[hit.page % perFile];
          });
        }));
      }).then(function (records) { return records.filter(Boolean); });
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function claimResult(record, href, badges) {
    var item = el("li", "search-result search-result--claim");
    var line = el("p", "claim-line");
    var link = el("a", "claim-text", "\u201c" + record[2] + "\u201d");
    link.href = href;
    var badge = badges && badges.querySelector('[data-verdict="' + CSS.escape(record[3]) + '"]');
    line.append(el("span", "claim-label", "Claim"), " ", link, " ", el("span", "rated", "rated"), " ");
    if (badge) line.append(badge.cloneNode(true));
    var fact = el("p", "search-result__fact");
    fact.append(el("span", "fact-label", "Fact"), " ", record[1]);
    item.append(line, fact);
    return item;
  }

  function pageResult(record, href) {
    var item = el("li", "search-result");
    var title = el("p", "search-result__title");
    var link = el("a", null, record[1] || record[0]);
    link.href = href;
    title.append(link);
    item.append(title, el("p", "search-result__excerpt", record[2]));
    return item;
  }

  function setUp() {
    var form = document.querySelector("[data-search-form]");
    var out = document.querySelector("[data-search-results]");
    if (!form || !out || form.dataset.wired) return;
    form.dataset.wired = "true";
    var input = form.querySelector("input[name=q]");
    STOPWORDS = new Set((form.dataset.stopwords || "").split(" "));
    var badges = document.querySelector(".search-badges");
    var base = new URL(form.dataset.index, window.location.href);
    var root = new URL("../", base);
    var index = new Index(base);
    var latest = 0;
    var timer = null;

    function show(query, records) {
      out.textContent = "";
      if (!query) return;
      var count = el("p", "search-results__count", records.length ? "" : "No page matches \u201c" + query + "\u201d.");
      out.append(count);
      if (!records.length) {
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
      records.forEach(function (record) {
        var href = new URL(record[0], root).href;
        list.append(record.length === 4 ? claimResult(record, href, badges) : pageResult(record, href));
      });
      out.append(list);
    }

    function run(wait) {  // wait: milliseconds to let more typing arrive first
      var query = input.value.trim();
      var ticket = ++latest;
      var address = new URL(window.location.href);
      if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
      history.replaceState(null, "", address);
      clearTimeout(timer);
      if (!query) { show("", []); return; }
      timer = setTimeout(function () {
        index.search(query).then(function (records) {
          if (ticket === latest) show(query, records);  // else a newer query replaced this one
        });
      }, wait || 0);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); run(0); });
    input.addEventListener("input", function () { run(150); });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run(0);
    }
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
