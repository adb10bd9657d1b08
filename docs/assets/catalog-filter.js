// Filters for the list of all claims: words, verdict and topic. The active filter is kept in
// the page address (?q=&verdict=&topic=) so a filtered view can be shared. Without JavaScript
// site.css hides the form and the full list shows.
(function () {
  function setUp() {
    var form = document.querySelector("[data-claim-filters]");
    if (!form) return;
    var items = Array.prototype.slice.call(document.querySelectorAll(".claim-item"));
    var text = form.querySelector("#filter-text");
    var verdict = form.querySelector("#filter-verdict");
    var topic = form.querySelector("#filter-topic");
    var count = form.querySelector("#filter-count");
    var params = new URLSearchParams(window.location.search);
    text.value = params.get("q") || "";
    verdict.value = params.get("verdict") || "";
    topic.value = params.get("topic") || "";
    if (verdict.selectedIndex < 0) verdict.value = "";
    if (topic.selectedIndex < 0) topic.value = "";

    function apply() {
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var haystack = item.textContent.toLowerCase();
        var match = (!verdict.value || item.dataset.verdict === verdict.value) &&
          (!topic.value || item.dataset.topic === topic.value) &&
          words.every(function (word) { return haystack.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " of " + items.length + " claims shown";
      var query = new URLSearchParams();
      if (text.value) query.set("q", text.value);
      if (verdict.value) query.set("verdict", verdict.value);
      if (topic.value) query.set("topic", topic.value);
      var search = query.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    [text, verdict, topic].forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    apply();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
