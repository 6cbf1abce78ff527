"""Reading the guidance as the site renders it: its paragraphs, its pages, its editorial report."""
