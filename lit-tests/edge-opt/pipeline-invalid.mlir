// Bad pipelines are reported before anything runs, and no output is written.
// RUN: not edge-opt %s --pass-pipeline='builtin.module(no-such-pass)' -o %t.out 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not test -e %t.out
// RUN: not edge-opt %s --pass-pipeline='builtin.module(func.func(cse)' 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not edge-opt %s --pass-pipeline='builtin.module(tfl-cse{bogus=1})' 2>&1 | FileCheck %s --check-prefix=OPTION
// RUN: not edge-opt %s --pass-pipeline='builtin.module(tfl-fuse-activation{bogus=1})' 2>&1 | FileCheck %s --check-prefix=UNKNOWN-OPTION
// RUN: not edge-opt %s --pass-pipeline='builtin.module(func.func(edge-verify))' 2>&1 | FileCheck %s --check-prefix=NESTING

// UNKNOWN: error: unknown pass 'no-such-pass'; edge passes: {{.*}}tfl-fuse-activation
// SYNTAX: error: invalid pass pipeline at column {{[0-9]+}}: expected ')'
// OPTION: error: pass 'tfl-cse' takes no options, got 'bogus'
// UNKNOWN-OPTION: error: unknown option 'bogus' for pass 'tfl-fuse-activation'; it takes: test-wrong-activation
// NESTING: error: pass 'edge-verify' runs on 'builtin.module' ops and cannot be nested under 'func.func'
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
