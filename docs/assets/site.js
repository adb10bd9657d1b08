// Small page behaviours: the copy buttons on claim pages ("Copy link", "Copy short answer"),
// which site.css hides without JavaScript (the link and the answer are on the page anyway), and
// keyboard access to tables that scroll sideways on narrow screens.
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function makeScrollingTablesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table " + (index + 1) + " (scrolls sideways)");
    });
  }

  function setUp() {
    makeScrollingTablesFocusable();
    document.querySelectorAll("[data-share]").forEach(function (box) {
      var status = box.querySelector(".share-status");
      box.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
          copy(button.getAttribute("data-copy")).then(
            function () { status.textContent = "Copied."; },
            function () { status.textContent = "Could not copy; select the text on the page instead."; }
          );
        });
      });
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
