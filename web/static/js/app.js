// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary after a failed submission so screen
  // reader users hear what went wrong.
  var summary = document.querySelector(".form-error-summary");
  if (summary) { summary.focus(); }
})();
