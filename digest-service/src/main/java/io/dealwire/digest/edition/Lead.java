package io.dealwire.digest.edition;

import io.dealwire.digest.issue.Theme;
import java.util.Map;

public record Lead(String title, String intro, Map<Theme, String> sections) {
}
