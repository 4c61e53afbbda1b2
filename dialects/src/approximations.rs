//! Numerical approximations edge emits in one place and recognizes in another: the
//! importer writes erf as this rational polynomial, and `tfl-recognize-patterns` finds
//! GELU by matching the same coefficients, so both read them from here.

/// erf(x) for f32 on [-4, 4] (Eigen's / XLA's rational approximation, max error
/// ~1e-7): `x * P(x^2) / Q(x^2)` with `P` = `ERF_ALPHA`, `Q` = `ERF_BETA`, highest
/// power first (Horner order).
pub const ERF_ALPHA: [f64; 7] = [
    -2.72614225801306e-10,
    2.77068142495902e-08,
    -2.10102402082508e-06,
    -5.69250639462346e-05,
    -7.34990630326855e-04,
    -2.95459980854025e-03,
    -1.60960333262415e-02,
];
pub const ERF_BETA: [f64; 5] =
    [-1.45660718464996e-05, -2.13374055278905e-04, -1.68282697438203e-03, -7.37332916720468e-03, -1.42647390514189e-02];
