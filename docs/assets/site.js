// Small page behaviours. A search button in the header. On claim pages: the Share button (the Web Share API, shown only where the
// browser has it; "Copy link" is the fallback) and a spoken confirmation when Material's own
// clipboard support ([data-clipboard-text]) has copied. Elsewhere: keyboard access to tables that
// scroll sideways on narrow screens. site.css hides the buttons where JavaScript does not run.
(function () {
  function makeScrollingTablesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table " + (index + 1) + " (scrolls sideways)");
    });
  }

  function setUpShareButtons(box) {
    var status = box.querySelector(".share-status");
    var share = box.querySelector(".share-native");
    if (share && navigator.share) {
      share.hidden = false;
      share.addEventListener("click", function () {
        navigator.share({
          title: share.getAttribute("data-share-title"),
          text: share.getAttribute("data-share-text"),
          url: share.getAttribute("data-share-url")
        }).catch(function () { /* the reader closed the share sheet */ });
      });
    }
    // Material shows "Copied to clipboard" in its dialog; repeat it in the box's live region.
    var dialog = document.querySelector(".md-dialog__inner");
    box.querySelectorAll("[data-clipboard-text]").forEach(function (button) {
      button.addEventListener("click", function () {
        status.textContent = "";
        window.setTimeout(function () {
          status.textContent = dialog && dialog.textContent.trim() ? "Copied." : "Select the text on the page to copy it.";
        }, 0);
      });
    });
  }

  // A search button in the header, leading to the search page (the nav links there without
  // JavaScript too). Material draws its own only with its search plugin, which this site replaces.
  function addHeaderSearch() {
    var header = document.querySelector(".md-header__inner");
    var home = document.querySelector(".md-header__button.md-logo");
    if (!header || !home || header.querySelector(".site-search-button")) return;
    var link = document.createElement("a");
    link.className = "md-header__button md-icon site-search-button";
    link.href = new URL("search/", home.href).href;
    link.setAttribute("aria-label", "Search the claims");
    link.title = "Search the claims";
    link.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 ' +
      '6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    header.appendChild(link);
  }

  // On the "not found" page: the words of the missing address as a search, e.g.
  // /claims/jaywalking-lower-score/ becomes "jaywalking lower score".
  function fillFromAddress() {
    var input = document.querySelector("[data-from-address]");
    if (!input || input.value) return;
    var path = window.location.pathname;
    try { path = decodeURIComponent(path); } catch (e) { /* a malformed %-escape: use it as typed */ }
    var words = path.split(/[\/\-_.]+/)
      .filter(function (w) { return w && !/^(claims|topics|sources|index|html)$/.test(w); });
    input.value = words.join(" ");
  }

  function setUp() {
    addHeaderSearch();
    fillFromAddress();
    makeScrollingTablesFocusable();
    document.querySelectorAll("[data-share]").forEach(setUpShareButtons);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
