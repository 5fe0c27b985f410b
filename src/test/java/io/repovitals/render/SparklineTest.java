package io.repovitals.render;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SparklineTest {
    @Test
    void should_draw_a_sparkline_from_lowest_to_highest_block() {
        assertThat(Sparkline.of(List.of(0.0, 7.0, 3.5, 1.0))).isEqualTo("▁█▅▂");
        assertThat(Sparkline.of(List.of(5.0, 5.0, 5.0))).isEqualTo("▄▄▄");
        assertThat(Sparkline.of(List.of(5.0))).isEqualTo("–");
    }
}
