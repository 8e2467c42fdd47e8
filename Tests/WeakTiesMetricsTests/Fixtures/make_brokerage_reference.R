# Reference values for Gould-Fernandez brokerage from R's sna package (Debian r-cran-sna 2.7-1).
# Rscript make_brokerage_reference.R > brokerage.json
suppressMessages(library(sna))
num <- function(x) ifelse(is.finite(x), formatC(x, digits = 17, format = "g"), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
emit <- function(name, edges, n, cl, last = FALSE) {
  g <- matrix(0, n, n)
  for (k in seq_len(nrow(edges))) g[edges[k, 1] + 1, edges[k, 2] + 1] <- 1
  b <- brokerage(g, cl)
  roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
  cat(sprintf('  "%s": {\n    "n": %d,\n    "edges": [%s],\n    "groups": [%s],\n', name, n,
      paste(sprintf("[%d, %d]", edges[, 1], edges[, 2]), collapse = ", "),
      paste(sprintf('"%s"', cl), collapse = ", ")))
  for (kind in c("raw.nli", "exp.nli", "sd.nli", "z.nli")) {
    m <- b[[kind]]
    cat(sprintf('    "%s": {%s},\n', kind, paste(sprintf('"%s": %s', roles, sapply(1:6, function(j) vec(m[, j]))), collapse = ", ")))
  }
  cat(sprintf('    "raw.gli": %s, "exp.gli": %s, "sd.gli": %s\n  }%s\n', vec(b$raw.gli), vec(b$exp.gli), vec(b$sd.gli), ifelse(last, "", ",")))
}
cat("{\n")
# A directed network of 12 actors in three groups (hand-made, asymmetric, with mutual ties).
directed <- matrix(c(0,1, 1,2, 2,0, 0,3, 3,4, 4,5, 5,3, 1,6, 6,7, 7,8, 8,6, 2,9, 9,10, 10,11, 11,9,
                     3,0, 6,1, 9,2, 4,7, 7,10, 10,4, 5,11, 11,8, 8,5, 0,6, 6,0), ncol = 2, byrow = TRUE)
emit("directed12", directed, 12, c("KR","KR","KR","KR","MG","MG","MG","MG","NR","NR","NR","KR"))
# Zachary's karate club as a symmetric digraph (both directions of every tie), groups = club.
library(utils)
karate <- matrix(c(0,1,0,2,0,3,0,4,0,5,0,6,0,7,0,8,0,10,0,11,0,12,0,13,0,17,0,19,0,21,0,31,1,2,1,3,1,7,1,13,1,17,1,19,1,21,1,30,
  2,3,2,7,2,8,2,9,2,13,2,27,2,28,2,32,3,7,3,12,3,13,4,6,4,10,5,6,5,10,5,16,6,16,8,30,8,32,8,33,9,33,13,33,14,32,14,33,
  15,32,15,33,18,32,18,33,19,33,20,32,20,33,22,32,22,33,23,25,23,27,23,29,23,32,23,33,24,25,24,27,24,31,25,31,26,29,26,33,
  27,33,28,31,28,33,29,32,29,33,30,32,30,33,31,32,31,33,32,33), ncol = 2, byrow = TRUE)
sym <- rbind(karate, karate[, c(2, 1)])
# The 'club' attribute of networkx's karate_club_graph (as in karate.json).
club <- c(rep("Mr. Hi", 9), "Officer", rep("Mr. Hi", 4), "Officer", "Officer", "Mr. Hi", "Mr. Hi", "Officer",
          "Mr. Hi", "Officer", "Mr. Hi", rep("Officer", 12))
emit("karate_symmetric", sym, 34, club, last = TRUE)
cat("}\n")
