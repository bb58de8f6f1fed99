package io.blisnative.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    @Test
    void unitCube_mapsLinearlyBetweenBounds_otherCoefficientsKept() {
        // given beta1 in [0, 2] starting at 0.5, alpha0 in [1000, 3000] starting at 2000
        ParameterSpace space = new ParameterSpace(new double[] {2000, 7, 8}, new double[] {1, 0.5, 3},
                List.of(FitParameter.parse("beta1=0:2"), FitParameter.parse("alpha0=1000:3000")));
        // when
        double[] start = space.start();
        double[] beta = space.beta(new double[] {1, 0.25});
        double[] alpha = space.alpha(new double[] {1, 0.25});
        // then
        assertArrayEquals(new double[] {0.25, 0.5}, start, 1e-15);
        assertArrayEquals(new double[] {1, 2, 3}, beta, 1e-15);
        assertArrayEquals(new double[] {1500, 7, 8}, alpha, 1e-12);
        assertArrayEquals(new double[] {1, 0, 3}, space.beta(new double[] {-0.5, 0}), 1e-15);
    }

    @Test
    void constructor_badParameters_rejectedNamingThem() {
        // given / when / then
        var e = assertThrows(IllegalArgumentException.class, () -> new ParameterSpace(new double[3], new double[2],
                List.of(FitParameter.parse("beta5=0:1"))));
        assertTrue(e.getMessage().contains("beta5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ParameterSpace(new double[3], new double[] {9},
                List.of(FitParameter.parse("beta0=0:1"))));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpace(new double[3], new double[] {0},
                List.of(FitParameter.parse("beta0=0:1"), FitParameter.parse("beta0=0:2"))));
        assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("gamma0=0:1"));
        assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("beta0=2:1"));
        assertEquals("alpha2", FitParameter.parse(" ALPHA2=0:5 ").name());
    }
}
