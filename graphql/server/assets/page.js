// Posts the query to this page's own URL and shows the JSON answer. The URL
// fragment may carry token, query, variables and await (URL-encoded, like a
// query string): the page then runs the query at once, which is how the
// headless browser test drives it. The token is kept in sessionStorage
// only, and removed from the address bar after reading.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var status = $("status"), result = $("result");

  function run() {
    var variables = {};
    var text = $("variables").value.trim();
    if (text) {
      try { variables = JSON.parse(text); } catch (e) {
        status.textContent = "Variables are not valid JSON"; return;
      }
    }
    var headers = {
      "Content-Type": "application/json",
      "Accept": "application/graphql-response+json, application/json"
    };
    var token = $("token").value.trim();
    if (token) { headers["Authorization"] = "Bearer " + token; sessionStorage.setItem("token", token); }
    var awaitIds = $("await").value.trim();
    if (awaitIds) { headers["X-Prontuario-Await-Event"] = awaitIds; }
    status.textContent = "Running...";
    result.removeAttribute("data-status");
    fetch(window.location.pathname, {
      method: "POST", headers: headers, credentials: "omit",
      body: JSON.stringify({ query: $("query").value, variables: variables })
    }).then(function (resp) {
      return resp.text().then(function (body) {
        var shown = body;
        try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON: show as is */ }
        result.textContent = shown;
        result.setAttribute("data-status", String(resp.status));
        status.textContent = "HTTP " + resp.status;
      });
    }).catch(function (err) {
      result.textContent = String(err);
      result.setAttribute("data-status", "network-error");
      status.textContent = "Request failed";
    });
  }

  $("run").addEventListener("click", run);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { run(); }
  });
  $("token").value = sessionStorage.getItem("token") || "";

  var params = new URLSearchParams(window.location.hash.slice(1));
  if (params.has("token")) { $("token").value = params.get("token"); }
  if (params.has("variables")) { $("variables").value = params.get("variables"); }
  if (params.has("await")) { $("await").value = params.get("await"); }
  if (params.has("query")) {
    $("query").value = params.get("query");
    history.replaceState(null, "", window.location.pathname + window.location.search);
    run();
  }
})();
