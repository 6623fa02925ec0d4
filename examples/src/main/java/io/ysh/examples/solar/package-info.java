/** Solar quote arithmetic: PV sizing, bill before and after, Lei 14.300 Fio B and payback. */
package io.ysh.examples.solar;
