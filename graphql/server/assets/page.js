// Starts GraphiQL on this page's own URL. Send the token in the Headers
// tab as {"Authorization": "Bearer <token>"} (and, to read your writes,
// "X-Prontuario-Await-Event"). The URL fragment may carry token, query and
// variables (URL-encoded, like a query string), and run=1 to run the query
// at once, which is how the headless browser test drives the page. The
// token is kept in sessionStorage only, and the fragment is removed from
// the address bar after reading.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.hash.slice(1));
  if (params.has("token")) { sessionStorage.setItem("token", params.get("token")); }
  if (window.location.hash) { history.replaceState(null, "", window.location.pathname + window.location.search); }
  var token = sessionStorage.getItem("token");
  var props = {
    fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
    headers: JSON.stringify({ Authorization: "Bearer " + (token || "<token>") }, null, 2),
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: "headers",
    defaultQuery: "{\n  pipelineStatus {\n    sources { source newestEventTime lagSeconds appliedCount deadLettered }\n  }\n}\n"
  };
  if (params.has("query")) { props.query = params.get("query"); }
  if (params.has("variables")) { props.variables = params.get("variables"); }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, props));
  if (params.get("run") === "1") {
    var tries = 0;
    var click = function () {
      var button = document.querySelector(".graphiql-execute-button");
      if (button) { button.click(); } else if (++tries < 100) { setTimeout(click, 50); }
    };
    setTimeout(click, 50);
  }
})();
