// GraphiQL for Solidarity CMS, bundled with everything it needs: nothing comes from a CDN.
// The page (cms/templates/grapple/graphiql.html) names the endpoint and the Monaco worker
// scripts in data attributes, so this file holds no URL of its own.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./page.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const root = document.getElementById("graphiql");
const workers = {
  json: root.dataset.jsonWorker,
  graphql: root.dataset.graphqlWorker,
  editor: root.dataset.editorWorker,
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return new Worker(workers[label] || workers.editor);
  },
};

// A query in the address (/graphiql/?query=…) opens in the editor, so queries can be shared.
const initialQuery = new URLSearchParams(location.search).get("query") ?? undefined;
const fetcher = createGraphiQLFetcher({ url: root.dataset.endpoint });
createRoot(root).render(createElement(GraphiQL, { fetcher, initialQuery }));
