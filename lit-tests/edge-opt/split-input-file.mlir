// Cases are processed separately and printed joined by the separator; a failing case
// makes the run fail while the others still report.
// RUN: edge-opt %s --split-input-file | FileCheck %s
// RUN: not edge-opt %s --split-input-file --pass-pipeline='builtin.module(no-such-pass)' 2>&1 | FileCheck %s --check-prefix=ERR

// CHECK-LABEL: func.func @first
// CHECK: // -----
// CHECK-LABEL: func.func @second
// ERR: unknown pass 'no-such-pass'
func.func @first() {
  return
}

// -----

func.func @second() {
  return
}
