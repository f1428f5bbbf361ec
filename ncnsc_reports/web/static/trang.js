// Progress of a background job (a build, its PDF, page images) and a copy button; no inline
// script anywhere (CSP script-src 'self'). Without JavaScript the page still works: reload.
(function () {
  "use strict";
  function poll(box) {
    var id = box.getAttribute("data-viec");
    fetch("/viec/" + encodeURIComponent(id), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        var state = box.querySelector(".trang-thai strong");
        var step = box.querySelector(".buoc");
        if (state) { state.textContent = job.state; }
        if (step) { step.textContent = job.step; }
        if (job.active) { setTimeout(function () { poll(box); }, 1000); }
        else if (box.getAttribute("data-xong") !== "1") { window.location.reload(); }
      })
      .catch(function () { setTimeout(function () { poll(box); }, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-viec]").forEach(function (box) {
      var state = box.querySelector(".trang-thai strong");
      var active = state && (state.textContent === "đang chờ" || state.textContent === "đang tạo");
      box.setAttribute("data-xong", active ? "0" : "1");
      if (active) { poll(box); }
    });
    document.querySelectorAll(".chon-tep input[type=file]").forEach(function (input) {
      var name = input.parentNode.querySelector(".ten-tep");
      var show = function () {
        name.textContent = input.files && input.files.length ? input.files[0].name
          : name.getAttribute("data-chua");
      };
      input.addEventListener("change", show);
      show();
    });
    document.querySelectorAll("[data-chep]").forEach(function (button) {
      button.addEventListener("click", function () {
        var area = document.getElementById(button.getAttribute("data-chep"));
        area.select();
        var done = function () { button.textContent = "Đã chép"; };
        if (navigator.clipboard) { navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); }); }
        else { document.execCommand("copy"); done(); }
      });
    });
  });
})();
