vcl 4.1;
# Solidarity CMS behind Varnish: anonymous GET of the API, feeds and widget cached for the
# max-age the app sends; everything else passed. `make fleet` writes the backends' ports in
# (APP1_PORT, APP2_PORT); production lists its instances the same way.

import directors;
import std;

probe healthz {
    .url = "/healthz";
    .timeout = 2s;
    .interval = 2s;
    .window = 3;
    .threshold = 2;
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
        return (pass);
    }

    # Cached: the partner API, feeds, the widget, static files. Staff (a session cookie),
    # previews (the app answers them private, no-store) and callers that authenticate pass.
    if (req.url ~ "^/(graphql/|feeds/|widget/|static/)") {
        if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
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

sub vcl_backend_response {
    # Stored for bans (the ban lurker matches objects, not requests).
    set beresp.http.X-Url = std.tolower(bereq.url);
    # After max-age, a stale copy may answer for 10 s while a fresh one is fetched; a publish
    # bans it before that (see docs/operations.md, "Freshness").
    set beresp.grace = 10s;
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
