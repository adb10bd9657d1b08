// Filters for the list of all claims: words, verdict, topic and order. They search every claim,
// not only the page shown, through the open data index (api/v1/claims.json and, past 5,000 claims,
// the parts it names), fetched the first
// time a filter is used. The filter is kept in the address (?q=&verdict=&topic=&sort=), so a
// filtered view can be shared. Without JavaScript the form is hidden and the pages of the list
// work as they are. Every result shows the claim beside its verdict, then the fact.
(function () {
  var FIELDS = ["q", "verdict", "topic", "sort"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function normal(text) {
    return (text || "").toLowerCase();
  }

  function setUp() {
    var form = document.querySelector("[data-claim-filters]");
    if (!form || form.dataset.wired) return;
    form.dataset.wired = "true";
    var list = document.querySelector("[data-catalog-list]");
    var out = document.querySelector("[data-catalog-results]");
    var badges = document.querySelector(".search-badges");
    var count = form.querySelector("#filter-count");
    var controls = {};
    FIELDS.forEach(function (name) { controls[name] = form.elements[name]; });
    var index = null;

    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name) || "";
      controls[name].value = value;
      if (controls[name].tagName === "SELECT" && controls[name].selectedIndex < 0) controls[name].value = "";
    });

    function fetchClaims(url) {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error("the list of claims did not load");
        return response.json();
      });
    }

    function load() {
      if (!index) {
        var first = new URL(form.dataset.index, window.location.href);
        index = fetchClaims(first).then(function (data) {  // a large index continues in the files named in parts
          var rest = (data.parts || []).slice(1).map(function (name) { return fetchClaims(new URL(name, first)); });
          return Promise.all(rest).then(function (more) {
            return more.reduce(function (all, part) { return all.concat(part.claims); }, data.claims);
          });
        });
      }
      return index;
    }

    function item(claim) {
      var li = el("li", "claim-item");
      var link = el("a", null, "\u201c" + claim.claim + "\u201d");
      link.href = new URL(form.dataset.root + "claims/" + claim.id + "/", window.location.href).href;
      li.append(el("span", "claim-label", "Claim"), " ", link, " ", el("span", "rated", "rated"), " ");
      var badge = badges.querySelector('[data-verdict="' + claim.verdict + '"]');
      if (badge) li.append(badge.cloneNode(true));
      li.append(el("br"), el("span", "fact-label", "Fact"), " " + claim.fact);
      return li;
    }

    function matches(claim, words) {
      var haystack = normal(claim.claim + " " + claim.fact);
      return (!controls.verdict.value || claim.verdict === controls.verdict.value) &&
        (!controls.topic.value || claim.topic === controls.topic.value) &&
        words.every(function (word) { return haystack.indexOf(word) !== -1; });
    }

    function remember() {
      var query = new URLSearchParams();
      FIELDS.forEach(function (name) { if (controls[name].value) query.set(name, controls[name].value); });
      var search = query.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    function apply() {
      remember();
      var active = FIELDS.some(function (name) { return controls[name].value; });
      if (!active) {
        list.hidden = false;
        out.hidden = true;
        count.textContent = "";
        return;
      }
      load().then(function (claims) {
        var words = normal(controls.q.value).split(/\s+/).filter(Boolean);
        var shown = claims.filter(function (claim) { return matches(claim, words); });
        if (controls.sort.value === "repeated") {
          shown = shown.slice().sort(function (a, b) { return b.repeated - a.repeated || (a.id < b.id ? -1 : 1); });
        }
        out.textContent = "";
        var ul = el("ul", "claim-list");
        shown.forEach(function (claim) { ul.append(item(claim)); });
        out.append(ul);
        if (!shown.length) {
          var none = el("p", "catalog-results__none", "No claim matches. ");
          var suggest = el("a", null, "Suggest this claim");
          suggest.href = form.dataset.suggest + (controls.q.value ? "&claim=" + encodeURIComponent(controls.q.value) : "");
          none.append(suggest, " so that we check it");
          if (controls.q.value) {  // the list matches claims and facts; search knows every wording people use
            var search = el("a", null, "search every wording people use");
            search.href = new URL(form.dataset.root + "search/?q=" + encodeURIComponent(controls.q.value), window.location.href).href;
            none.append(", or ", search);
          }
          none.append(".");
          out.append(none);
        }
        list.hidden = true;
        out.hidden = false;
        count.textContent = shown.length + " of " + claims.length + " claims shown";
      }, function () {
        count.textContent = "The filters could not load the list of claims; the list below is complete for this page.";
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    FIELDS.forEach(function (name) {
      controls[name].addEventListener("input", apply);
      controls[name].addEventListener("change", apply);
    });
    apply();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
