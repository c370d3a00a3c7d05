"""The partner GraphQL endpoint: limits, safe errors, HTTP and server-side caching."""

from __future__ import annotations

import json
import logging
import re
import traceback
from typing import Any

from graphene_django.views import GraphQLView, HttpError
from graphql import (
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)
from graphql.language import FragmentDefinitionNode
from graphql.validation import NoSchemaIntrospectionCustomRule, specified_rules

from django.conf import settings
from django.db import DatabaseError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
)
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from cms.client_address import client_address
from cms.graphql import persisted_queries, response_cache
from cms.graphql.arguments import refuse_nul_characters
from cms.graphql.checked_documents import checked_document, keep_checked_document
from cms.graphql.context import Caller, RequestContext
from cms.graphql.invalidation import (
    content_generation,
    generation_and_locales,
    remember_generation,
)
from cms.graphql.limits import LimitExceeded, Limits, check_limits
from cms.graphql.overlap import check_overlap
from cms.middleware import language_neutral
from cms.operation_log import log_operation
from cms.partners.access import refuse_uncached_work
from cms.partners.keys import ANONYMOUS
from cms.partners.keys import Caller as PartnerCaller
from cms.partners.models import PartnerKey
from cms.request_id import current_request_id

logger = logging.getLogger(__name__)

SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class DatabaseUnavailable(Exception):
    """The database did not answer while a query ran."""


#: The content generation of a request that has not needed it yet.
_UNREAD = -1


class PartnerGraphQLView(GraphQLView):
    """graphene-django's view with the limits and caching partner sites rely on."""

    batch = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limits = Limits.from_settings(settings.CMS_GRAPHQL_LIMITS)
        # Django makes one view instance per request: what follows is this request's own.
        self._generation: int | None = _UNREAD
        self._request_id = ""
        self._cache_key: str | None = None
        self._etag: str | None = None
        self._status: int | None = None
        self._context: RequestContext | None = None
        self._partner: PartnerCaller = ANONYMOUS
        self._caller_read: Caller | None = None
        self._locales: dict[int, Any] | None = None
        # Read once: a GET that misses the cache reuses what the cache lookup read.
        self._data: Any = None
        self._params: Any = None

    # --- Request handling ---------------------------------------------------------------------

    def dispatch(
        self,
        request: HttpRequest,
        *args: Any,
        caller: PartnerCaller = ANONYMOUS,
        **kwargs: Any,
    ) -> HttpResponse:
        """Answer ``request`` for ``caller``, the partner :func:`cms.partners.access.partner_api`
        authenticated (anonymous without a key)."""
        self._request_id = current_request_id()
        self._partner = caller
        # Trust Content-Length first, so an oversized body is refused without being read.
        size = int(request.META.get("CONTENT_LENGTH") or 0) or len(request.body)
        if size > self.limits.max_body_bytes:
            return self._error_response(
                f"Request size limit exceeded: the body has {size} bytes; "
                f"the maximum is {self.limits.max_body_bytes} bytes.",
                status=400,
            )
        if request.method == "GET" and "text/html" not in request.headers.get("Accept", ""):
            cached = self._cached(request)
            if cached is not None:
                return cached
        # Partner access: the caller's budget of uncached requests (cms/partners/).
        refusal = refuse_uncached_work(caller, client_address(request))
        if refusal is not None:
            return refusal
        try:
            # Before the query runs, so its answer is never stored under a newer generation.
            self._read_generation(request)
            response = self._respond(request)
        except (DatabaseError, DatabaseUnavailable):
            logger.exception("GraphQL request %s: database unavailable", self._request_id)
            response = self._error_response(
                "The service is temporarily unavailable; try again shortly.", status=503
            )
        response["X-Request-ID"] = self._request_id
        self._set_cache_headers(request, response)
        return response

    def _respond(self, request: HttpRequest) -> HttpResponse:
        """graphene-django's dispatch, less its ``ensure_csrf_cookie``, GraphiQL and batching.

        The endpoint is CSRF-exempt and renders no form, so a CSRF cookie would only make every
        public response uncacheable by shared caches (``Set-Cookie``, ``Vary: Cookie``).
        GraphiQL has its own view (``/graphiql/``) and batches are refused.
        """
        try:
            if request.method not in ("GET", "POST"):
                raise HttpError(
                    HttpResponseNotAllowed(
                        ["GET", "POST"], "GraphQL only supports GET and POST requests."
                    )
                )
            data = self.parse_body(request)
            result, status_code = self.get_response(request, data)
            return HttpResponse(status=status_code, content=result, content_type="application/json")
        except HttpError as error:
            response = error.response
            response["Content-Type"] = "application/json"
            response.content = self.json_encode(request, {"errors": [self.format_error(error)]})
            return response

    def parse_body(self, request: HttpRequest) -> Any:
        if self._data is None:
            self._data = self._parse_body(request)
        return self._data

    def _parse_body(self, request: HttpRequest) -> Any:
        if request.content_type != "application/json":
            return super().parse_body(request)
        try:
            data = json.loads(request.body.decode() or "{}")
        except (ValueError, RecursionError) as exc:  # deeply nested JSON exhausts the stack
            raise HttpError(HttpResponseBadRequest("The request body is not valid JSON.")) from exc
        if isinstance(data, list):
            raise HttpError(
                HttpResponseBadRequest(
                    "Batched requests are not supported; send one query per request."
                )
            )
        if not isinstance(data, dict):
            raise HttpError(HttpResponseBadRequest("The request body must be a JSON object."))
        return data

    def get_graphql_params(self, request: HttpRequest, data: dict[str, Any]) -> Any:
        if self._params is None:
            query, variables, operation_name, id_ = super().get_graphql_params(request, data)
            _check_param_types(query, variables, operation_name)
            query = persisted_queries.resolve(request, data, query)
            if self._cacheable(request):
                # A caller whose key grants introspection gets answers others are refused:
                # they must never be served from (or fill) the entry of callers without it.
                self._cache_key = response_cache.response_key(
                    query, variables, operation_name, self._introspection_allowed(request)
                )
            self._params = (query, variables, operation_name, id_)
        return self._params

    def get_response(self, request: HttpRequest, data: Any, show_graphiql: bool = False) -> Any:
        result, status = super().get_response(request, data, show_graphiql)
        self._status = status
        return result, status

    def get_context(self, request: HttpRequest) -> RequestContext:
        """The request context resolvers read as ``info.context`` (:mod:`cms.graphql.context`)."""
        self._context = RequestContext(
            request=request,
            caller=self._caller(request),
            # Read with the content generation, in one statement (``_current_generation``).
            _locales=self._locales,
        )
        return self._context

    def execute_graphql_request(
        self,
        request: HttpRequest,
        data: Any,
        query: str | None,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        show_graphiql: bool = False,
    ) -> ExecutionResult | None:
        """Replaces graphene-django 3.2.3's method of the same name (one GraphQL parse).

        graphene-django's own parses without a token limit and validates before anything else;
        this one parses with ``max_tokens``, refuses NUL characters, bounds the overlap check
        (``check_overlap``) before validation can go quadratic, answers queries only, adds the
        introspection rule, checks depth and cost limits, stores a persisted query, and turns a
        limit passed inside a resolver into a 400. graphene-django offers no hook between
        parsing and validation, so the method is replaced whole;
        tests/cms/graphql/test_library_overrides.py fails when graphene-django's changes.
        """
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        schema = self.schema.graphql_schema
        introspection = self._introspection_allowed(request)
        # Parsed, bounded and validated before: only what depends on this request runs again.
        document = checked_document(query, self.limits, introspection)
        checked = document is not None
        if document is None:
            try:
                document = parse(query, max_tokens=self.limits.max_tokens)
            except GraphQLError as error:
                if "tokens" in error.message and "Parsing aborted" in error.message:
                    error = GraphQLError(
                        f"Token limit exceeded: the query has more than "
                        f"{self.limits.max_tokens} tokens."
                    )
                return ExecutionResult(data=None, errors=[error])
        try:
            refuse_nul_characters(document, variables)
            if not checked:
                check_overlap(document, self.limits)
        except GraphQLError as error:
            return ExecutionResult(data=None, errors=[error])
        operation = get_operation_ast(document, operation_name)
        if operation is not None and operation.operation != OperationType.QUERY:
            return ExecutionResult(
                data=None,
                errors=[GraphQLError("Only queries are supported; this API is read-only.")],
            )
        if not checked:
            rules = list(specified_rules)
            if not introspection:
                rules.append(NoSchemaIntrospectionCustomRule)
            errors = validate(schema, document, rules, max_errors=20)
            if errors:
                return ExecutionResult(data=None, errors=errors)
            keep_checked_document(query, self.limits, introspection, document)
        if operation is not None:
            fragments = {
                node.name.value: node
                for node in document.definitions
                if isinstance(node, FragmentDefinitionNode)
            }
            try:
                cost = check_limits(schema, operation, fragments, variables, self.limits)
            except GraphQLError as error:
                return ExecutionResult(data=None, errors=[error])
            persisted_queries.remember(request, data, query, self.limits)
            log_operation(operation.name.value if operation.name else None, cost)
        result = execute(
            schema,
            document,
            root_value=self.get_root_value(request),
            context_value=self.get_context(request),
            variable_values=variables,
            operation_name=operation_name,
            middleware=self.get_middleware(request),
        )
        return _limit_refusal(result) or result

    # --- Errors -------------------------------------------------------------------------------

    def format_error(self, error: Any) -> dict[str, Any]:  # type: ignore[override]
        request_id = self._request_id
        if isinstance(error, HttpError):
            formatted: dict[str, Any] = {"message": error.message}
            if extensions := getattr(error, "extensions", None):
                formatted["extensions"] = extensions
            return formatted
        original = getattr(error, "original_error", None)
        if isinstance(original, DatabaseError):
            raise DatabaseUnavailable from original
        if isinstance(error, GraphQLError) and (
            original is None or isinstance(original, GraphQLError)
        ):
            formatted = dict(error.formatted)
            if not settings.CMS_GRAPHQL_SUGGESTIONS:
                formatted["message"] = SUGGESTION.sub("", formatted["message"])
            return formatted
        _log_failure(request_id, original or error)
        formatted = {"message": f"Internal error; quote request id {request_id} when reporting it."}
        if isinstance(error, GraphQLError) and error.path:
            formatted["path"] = error.path
        return formatted

    def _error_response(self, message: str, status: int) -> HttpResponse:
        response = HttpResponse(
            json.dumps({"errors": [{"message": message}]}),
            status=status,
            content_type="application/json",
        )
        patch_cache_control(response, no_store=True)
        return response

    def _introspection_allowed(self, request: HttpRequest) -> bool:
        if settings.CMS_GRAPHQL_INTROSPECTION:
            return True
        caller = self._caller(request)
        return caller.may(PartnerKey.SCOPE_INTROSPECTION) or caller.is_staff

    def _caller(self, request: HttpRequest) -> Caller:
        """Who is asking: the signed-in user, read from the request once, and the partner
        :func:`cms.partners.access.partner_api` handed to :meth:`dispatch`."""
        if self._caller_read is None:
            self._caller_read = Caller(user=_signed_in_user(request), partner=self._partner)
        return self._caller_read

    # --- Caching ------------------------------------------------------------------------------

    def _read_generation(self, request: HttpRequest) -> None:
        """The content generation for a response about to be computed, read once per request.

        Read first, so a response is never stored under a generation newer than its content.
        From the cache when it keeps the generation, else from the database with the locales
        the query will need (one statement).
        """
        if self._generation != _UNREAD or not self._cacheable(request):
            return
        cached = response_cache.cached_generation()
        if cached is not None:
            self._generation = cached
        else:
            self._generation_from_database(with_locales=True)

    def _generation_from_database(self, *, with_locales: bool) -> None:
        """The generation from its row (None when the database does not answer: the request
        then skips the cache, and the query itself answers 503), added to the cache."""
        try:
            if with_locales:
                self._generation, self._locales = generation_and_locales()
            else:
                self._generation = content_generation()
        except DatabaseError:
            self._generation = None
            return
        remember_generation(self._generation)

    def _cacheable(self, request: HttpRequest) -> bool:
        return (
            settings.CMS_GRAPHQL_CACHE_SECONDS > 0
            and not (self._context is not None and self._context.is_preview)
            and _signed_in_user(request) is None
        )

    def _cached(self, request: HttpRequest) -> HttpResponse | None:
        if not self._cacheable(request):
            return None
        try:
            data = self.parse_body(request)
            self.get_graphql_params(request, data)
        except HttpError:
            return None
        key = self._cache_key
        if key is None:
            return None
        generation, entry = response_cache.lookup(key)
        if generation is not None:
            self._generation = generation
        else:
            # Locales only when the query will run (no entry, so no hit).
            self._generation_from_database(with_locales=entry is None)
        if entry is None or entry.generation != self._generation:
            return None
        response = HttpResponse(entry.body, content_type="application/json")
        response["X-Request-ID"] = self._request_id
        response["X-Cache"] = "hit"
        self._status = 200
        self._etag = entry.etag
        self._set_cache_headers(request, response, store=False)
        return response

    def _set_cache_headers(
        self, request: HttpRequest, response: HttpResponse, *, store: bool = True
    ) -> None:
        ok = response.status_code == 200 and self._status == 200
        if not ok or not self._cacheable(request) or b'"errors"' in response.content[:20]:
            patch_cache_control(response, private=True, no_store=True)
            return
        key = self._cache_key
        generation = self._generation
        if store and key and generation is not None and generation != _UNREAD:
            self._etag = response_cache.store(
                key, generation, response.content, settings.CMS_GRAPHQL_CACHE_SECONDS
            )
            response["X-Cache"] = "miss"
        if request.method != "GET":
            return
        etag = self._etag or response_cache.etag_of(response.content)
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=settings.CMS_GRAPHQL_CACHE_SECONDS)
        if etag in request.headers.get("If-None-Match", ""):
            response.status_code = 304
            response.content = b""


def _signed_in_user(request: HttpRequest) -> Any:
    """The signed-in user, or None, without touching the session of a cookie-less request.

    Reading the session marks the response ``Vary: Cookie``; partner sites send no session
    cookie, so their public responses stay storable by shared caches.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _check_param_types(query: Any, variables: Any, operation_name: Any) -> None:
    """Refuse, with 400, parameters of the wrong JSON type (they would fail deep inside)."""
    # Lazy texts: translated only for a refusal (every request checks, few are refused).
    for name, value, expected, kind in (
        ("query", query, str, gettext_lazy("a string")),
        ("variables", variables, dict, gettext_lazy("a JSON object")),
        ("operationName", operation_name, str, gettext_lazy("a string")),
    ):
        if value is not None and not isinstance(value, expected):
            message = _("%(name)s must be %(kind)s.") % {"name": name, "kind": str(kind)}
            raise HttpError(HttpResponseBadRequest(message))


def _limit_refusal(result: Any) -> ExecutionResult | None:
    """A limit passed inside a resolver, as an error without a path: graphene answers 400."""
    for error in getattr(result, "errors", None) or ():
        if isinstance(error.original_error, LimitExceeded):
            return ExecutionResult(data=None, errors=[LimitExceeded(error.original_error.message)])
    return None


def _log_failure(request_id: str, failure: BaseException) -> None:
    if isinstance(failure, RecursionError):
        # Its traceback repeats the same frames a thousand times (over 100 KB); the last few
        # say where it happened.
        frames = traceback.format_list(traceback.extract_tb(failure.__traceback__)[-5:])
        logger.error(
            "GraphQL request %s failed: %r\n%s", request_id, failure, "".join(frames).rstrip()
        )
        return
    logger.error("GraphQL request %s failed", request_id, exc_info=failure)


# The locale is a query argument: the browser's Accept-Language must not change an answer.
graphql_view = language_neutral(csrf_exempt(PartnerGraphQLView.as_view()))
