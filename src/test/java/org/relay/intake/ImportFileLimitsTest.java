package org.relay.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Finding 7 of issue #24: a binary file or an absurd header is the uploader's mistake (400 naming the file field),
 * not a server error, and nothing of it is staged.
 */
class ImportFileLimitsTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_binary_file_is_400_naming_the_file() throws Exception {
        byte[] binary = new byte[256 * 1024];
        new Random(24).nextBytes(binary);
        assertRefusedFile(upload(binary), "binary");

        // a PNG's first bytes: a short first "line" with control characters
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertRefusedFile(upload(png), "binary");
    }

    @Test
    void binary_content_after_a_good_header_is_400_with_its_row_and_nothing_is_staged() throws Exception {
        String csv = "name,email,product\nAda Lovelace,ada@mail.example,Mortgage\nNul\u0000Byte,nul@mail.example,Mortgage\n";
        assertRefusedFile(upload(csv.getBytes(StandardCharsets.UTF_8)), "row 3");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from import_row", Integer.class)).isZero();
    }

    @Test
    void an_absurd_header_is_400_naming_the_file() throws Exception {
        assertRefusedFile(upload((",".repeat(500_000) + "\n").getBytes(StandardCharsets.UTF_8)), "header line");
        assertRefusedFile(upload(",".repeat(500_000).getBytes(StandardCharsets.UTF_8)), "header line");
        String manyColumns = "name,email,product" + extraColumns(ImportStaging.MAX_COLUMNS - 2) + "\nAda,ada@mail.example,Mortgage\n";
        assertRefusedFile(upload(manyColumns.getBytes(StandardCharsets.UTF_8)), "columns");
    }

    @Test
    void a_header_within_the_limits_is_read() throws Exception {
        String wide = "name,email,product" + extraColumns(ImportStaging.MAX_COLUMNS - 3) + "\nAda,ada@mail.example,Mortgage\n";
        ResponseEntity<String> accepted = upload(wide.getBytes(StandardCharsets.UTF_8));
        Assertions.assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        Assertions.assertThat(json.readTree(accepted.getBody()).get("totalRows").asInt()).isEqualTo(1);
    }

    private void assertRefusedFile(ResponseEntity<String> answer, String mentions) throws Exception {
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = json.readTree(answer.getBody()).get("errors");
        Assertions.assertThat(errors.findValuesAsText("field")).containsExactly("file");
        Assertions.assertThat(errors.get(0).get("message").asText()).contains(mentions);
    }

    private static String extraColumns(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> ",extra" + i)
                .collect(java.util.stream.Collectors.joining());
    }

    private ResponseEntity<String> upload(byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "leads.csv";
            }
        });
        form.add("requestedBy", "jackie");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class);
    }
}
