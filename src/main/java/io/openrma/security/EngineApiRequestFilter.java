package io.openrma.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks requests to {@code /engine-rest} and to the webapps' engine API before the engine sees them,
 * answering 400 with a message the webapps show:
 * <ul>
 *   <li>task-query and filter requests may only carry expressions allowed by {@link QueryExpressionPolicy},
 *   in query parameters and anywhere in a JSON body (so inside {@code orQueries} and stored filter queries
 *   too). This stops a forbidden expression before it is stored in a filter; {@link ExpressionHardening}
 *   stops evaluation inside the engine whatever the path;</li>
 *   <li>no request may send a Java-serialized variable. The engine refuses them anyway (Java
 *   serialization is off), but with a 500 that looks like a server fault.</li>
 * </ul>
 */
public class EngineApiRequestFilter extends OncePerRequestFilter {

  private static final Pattern TASK_OR_FILTER = Pattern.compile(".*/(task|task/count|filter(/.*)?)/?$");
  private static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";
  private final ObjectMapper json;

  public EngineApiRequestFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean taskOrFilter = TASK_OR_FILTER.matcher(request.getRequestURI()).matches();
    if (taskOrFilter) {
      for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
        for (String value : parameter.getValue()) {
          if (forbidden(value)) {
            reject(response, "Expression in '" + parameter.getKey() + "' is not allowed: "
                + QueryExpressionPolicy.describeAllowed());
            return;
          }
        }
      }
    }
    HttpServletRequest forwarded = request;
    if (request.getContentType() != null && request.getContentType().contains("json")) {
      byte[] body = request.getInputStream().readAllBytes();
      forwarded = new CachedBodyRequest(request, body);
      if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(JAVA_SERIALIZATION)) {
        reject(response, "Java-serialized variables are not accepted: send JSON ("
            + "serializationDataFormat application/json) or primitive values.");
        return;
      }
      if (taskOrFilter && body.length > 0) {
        JsonNode tree;
        try {
          tree = json.readTree(body);
        } catch (IOException malformed) {
          tree = null; // the REST API answers malformed JSON itself
        }
        Optional<String[]> offending = tree == null ? Optional.empty() : findForbidden(tree, "");
        if (offending.isPresent()) {
          reject(response,
              "Expression in '" + offending.get()[0] + "' is not allowed: " + QueryExpressionPolicy.describeAllowed());
          return;
        }
      }
    }
    chain.doFilter(forwarded, response);
  }

  private static boolean forbidden(String value) {
    return QueryExpressionPolicy.looksLikeExpression(value) && !QueryExpressionPolicy.isAllowed(value);
  }

  private static Optional<String[]> findForbidden(JsonNode node, String path) {
    if (node.isTextual()) {
      return forbidden(node.textValue()) ? Optional.of(new String[]{path, node.textValue()}) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String[]> found = findForbidden(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<String[]> found = findForbidden(field.getValue(),
            path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private void reject(HttpServletResponse response, String message) throws IOException {
    ObjectNode problem = json.createObjectNode()
        .put("title", "Bad Request")
        .put("status", 400)
        .put("detail", message)
        // the engine REST API's own error fields, so the webapps show the message
        .put("type", "InvalidRequestException")
        .put("message", message);
    response.setStatus(400);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Lets the REST API read a body this filter has already read. */
  static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("Synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
