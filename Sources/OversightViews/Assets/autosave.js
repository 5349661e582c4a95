// Saves an audit form as a draft every 30 seconds while it is being changed, so nothing typed is
// lost; the form works the same without it (the "Save draft" button). Posts the form's fields as
// the button would, with intent=save, and says when it last saved.
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var status = document.createElement("p");
  status.className = "ov-hint";
  status.setAttribute("role", "status");
  form.appendChild(status);
  var changed = false;
  form.addEventListener("input", function () { changed = true; });
  form.addEventListener("change", function () { changed = true; });
  setInterval(function () {
    if (!changed) { return; }
    changed = false;
    var body = new URLSearchParams(new FormData(form));
    body.set("intent", "save");
    fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      var time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
      status.textContent = response.ok ? "Draft saved at " + time : "The draft could not be saved; use Save draft";
      if (!response.ok) { changed = true; }
    }).catch(function () { changed = true; status.textContent = "The draft could not be saved; use Save draft"; });
  }, 30000);
})();
