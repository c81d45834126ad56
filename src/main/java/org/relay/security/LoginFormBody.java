package org.relay.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The webapps' login form read ahead of Camunda's login resource and handed on unchanged: the username is taken from
 * the body without servlet parameter parsing, which would leave the resource (Jersey) an empty body.
 */
final class LoginFormBody extends HttpServletRequestWrapper {

    /** Camunda's login form holds a username and a password; anything larger is not a login. */
    static final int MAX_BYTES = 16 * 1024;

    private final byte[] body;

    private LoginFormBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its body read, or empty when the body is larger than {@link #MAX_BYTES}. */
    static Optional<LoginFormBody> read(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        return body.length > MAX_BYTES ? Optional.empty() : Optional.of(new LoginFormBody(request, body));
    }

    /** The form's {@code username}, when it has one. */
    Optional<String> username() {
        Charset charset = getCharacterEncoding() != null && Charset.isSupported(getCharacterEncoding())
                ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
        for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = field.indexOf('=');
            try {
                if (equals > 0 && "username".equals(URLDecoder.decode(field.substring(0, equals), charset))) {
                    String name = URLDecoder.decode(field.substring(equals + 1), charset);
                    return name.isBlank() ? Optional.empty() : Optional.of(name);
                }
            } catch (IllegalArgumentException malformed) {
                // not decodable for the login resource either
            }
        }
        return Optional.empty();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the login form is read synchronously");
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
                encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1));
    }
}
