vcl 4.1;
# Solidarity CMS behind Varnish: anonymous GET of the API, feeds and widget cached for the
# max-age the app sends; everything else passed. `make fleet` writes the backends' ports in
# (APP1_PORT, APP2_PORT); production lists its instances the same way.

import directors;
import std;

# A busy instance answers its probe late, not never: only 5 failures in a row (10 s) take it
# out. A dead one refuses connections at once, and reads are retried on the other meanwhile.
probe healthz {
    .url = "/healthz";
    .timeout = 10s;
    .interval = 2s;
    .window = 5;
    .threshold = 1;
    .initial = 1;
}

backend app1 { .host = "127.0.0.1"; .port = "APP1_PORT"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app2 { .host = "127.0.0.1"; .port = "APP2_PORT"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 30s; }

# Who may purge: the app instances (cms/proxy_purge.py sends PURGE after each publish).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(app1);
    instances.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = instances.backend();
    # While no instance is healthy, a stored answer may be served up to an hour past its
    # max-age rather than an error; a publish bans it all the same.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    } else {
        set req.grace = 1h;
    }

    # The app takes this id from the proxy (REQUEST_ID_TRUSTED_PROXIES) and logs it.
    if (!req.http.X-Request-ID) {
        set req.http.X-Request-ID = "varnish-" + req.xid;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # One PURGE of a path bans every stored object under it, whatever its query string
        # (each GraphQL query is its own URL).
        ban("obj.http.X-Url ~ ^" + std.tolower(req.url));
        return (synth(200, "Purged"));
    }

    # Metrics are for the monitoring network, never the public.
    if (req.url ~ "^/metrics") {
        return (synth(404, "Not Found"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # GraphQL POSTs are reads (the API refuses mutations): kept, so one can be retried.
        if (req.method == "POST" && req.url ~ "^/graphql/") {
            std.cache_req_body(32KB);
        }
        return (pass);
    }

    # Cached: the partner API, feeds, the widget, static files. Staff (a session cookie),
    # previews (the app answers them private, no-store) and callers that authenticate pass.
    if (req.url ~ "^/(graphql/|feeds/|widget/|static/)") {
        if (req.http.Authorization || req.http.X-API-Key || req.http.Cookie ~ "(^|;\s*)sessionid=") {
            return (pass);
        }
        unset req.http.Cookie;
        return (hash);
    }
    return (pass);
}

sub vcl_hash {
    # The app's answers never depend on the host name it is reached by.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Failed-Backend == "app1") {
        set bereq.backend = app2;
    } elsif (bereq.http.X-Failed-Backend == "app2") {
        set bereq.backend = app1;
    }
    unset bereq.http.X-Failed-Backend;
}

sub vcl_backend_response {
    # Stored for bans (the ban lurker matches objects, not requests).
    set beresp.http.X-Url = std.tolower(bereq.url);
    # After max-age a stale copy may answer while a fresh one is fetched: 10 s normally, up to
    # an hour while no instance is healthy (vcl_recv); a publish bans it at once all the same.
    set beresp.grace = 1h;
}

sub vcl_backend_error {
    # The instance did not answer (killed, restarting): a read goes to the other one once.
    if ((bereq.method == "GET" || bereq.method == "HEAD"
            || (bereq.method == "POST" && bereq.url ~ "^/graphql/")) && bereq.retries < 1) {
        # Round robin could pick the same one again: vcl_backend_fetch picks the other.
        set bereq.http.X-Failed-Backend = beresp.backend.name;
        return (retry);
    }
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "5";
    set beresp.http.Content-Type = "application/json";
    synthetic({"{"errors": [{"message": "The service is temporarily unavailable; try again shortly." }]}"});
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Url;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
}
