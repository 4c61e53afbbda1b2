// Text that crashes MLIR 22's own parser is refused before the parser sees it, with an
// error at the place: nesting past 1000 levels (a stack overflow), `array<index: ...>`
// (a null dereference), result numbers past 2^20 (an allocation per result).
// RUN: %python -c "print('module {' * 5000 + '}' * 5000)" > %t.deep.mlir
// RUN: not edge-opt %t.deep.mlir 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: deep.mlir:1:8008: error: brackets nest more than 1000 levels deep here; edge refuses such input rather than overflow the parser's stack
// DEEP-NEXT: {{^}}...ule {module {module {module {module{{.*}}...{{$}}
// RUN: %python -c "print('\"test.op\"() {a = ' + '[' * 20000 + ']' * 20000 + '} : () -> ()')" > %t.attr.mlir
// RUN: not edge-opt %t.attr.mlir 2>&1 | FileCheck %s --check-prefix=ATTR
// ATTR: attr.mlir:1:1017: error: brackets nest more than 1000 levels deep here
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @index_array() {
  // expected-error@+1 {{dense array element type 'index' is not supported: write an integer or float type such as `array<i64: 1, 2>`}}
  "test.op"() {a = array<index: 1, 2>} : () -> ()
  return
}

// -----

func.func @aliased_array_type() {
  // expected-error@+1 {{dense array element type '!alias' is not supported}}
  "test.op"() {a = array<!alias: 1, 2>} : () -> ()
  return
}

// -----

func.func @huge_result_number() -> tensor<5xi64> {
  // expected-error@+1 {{result number 2147483648 is past the 1048576 results edge accepts on one op}}
  return %s#2147483648 : tensor<5xi64>
}
