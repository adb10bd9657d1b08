// Small page behaviours. On claim pages: the Share button (the Web Share API, shown only where the
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

  function setUp() {
    makeScrollingTablesFocusable();
    document.querySelectorAll("[data-share]").forEach(setUpShareButtons);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
